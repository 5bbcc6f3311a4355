/** Fills a rule's text templates: `{name}` is replaced by the param's value (numbers grouped by thousands). */
import { grouped } from '../fix/bounds';
import type { Variants } from './types';

export function fill(template: string, params: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{([a-zA-Z]+)\}/g, (whole, name: string) => {
    const v = Object.prototype.hasOwnProperty.call(params, name) ? params[name] : undefined;
    if (typeof v === 'number') return Number.isInteger(v) ? grouped(v) : String(Math.round(v));
    return typeof v === 'string' ? v : whole;
  });
}

/** The template of a variant, the default one when the rule has no such variant. */
export function pick(variants: Variants, variant: string): string {
  return Object.prototype.hasOwnProperty.call(variants, variant) ? variants[variant]! : variants.default;
}
