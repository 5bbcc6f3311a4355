/**
 * A finding's words as messages of the catalogues (public/_locales/<lang>/messages.json): `finding_<id>_title`
 * and `finding_<id>_<field>_<variant>`, the id's dashes and the variant's capitals in snake case
 * (`origin-echo-without-vary`, `fromCache` → `finding_origin_echo_without_vary_summary_from_cache`).
 * The params are the placeholders' values, so any language renders the same finding.
 */
import { m, type Msg, type MsgValue } from '../i18n/msg';
import type { FindingId, RuleTexts, Severity } from './types';

type Field = keyof RuleTexts;
const TEXT_FIELDS: readonly Field[] = ['summary', 'why', 'fix'];

/** `fromCache` → `from_cache`. */
const snake = (name: string): string => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The prefix of a rule's message ids: `finding_null_origin_allowed`. */
export const findingKey = (id: FindingId): string => `finding_${id.replace(/-/g, '_')}`;

/** A message of the findings' catalogue (`finding_` + name) with its values. */
export const fm = (name: string, values?: Record<string, MsgValue>): Msg => m(`finding_${name}`, values);

/** A severity's name ("High" / "Élevée"): one message for the panel, the popup and the report. */
export const severityMsg = (s: Severity): Msg => fm(`severity_${s}`);

/** The title and the three sentences of a finding, for a variant (a field that lacks it uses `default`). */
export function findingWords(id: FindingId, texts: RuleTexts, variant: string, params: Record<string, MsgValue>):
  { title: Msg; summary: Msg; why: Msg; fix: Msg } {
  const key = findingKey(id);
  const one = (field: Field): Msg =>
    m(`${key}_${field}_${snake(texts[field].includes(variant) ? variant : 'default')}`, { ...params });
  return { title: m(`${key}_title`), summary: one('summary'), why: one('why'), fix: one('fix') };
}

/** Every message id a rule can produce (its title and each field's variants): for the catalogue tests. */
export function findingIds(id: FindingId, texts: RuleTexts): string[] {
  const key = findingKey(id);
  return [`${key}_title`, ...TEXT_FIELDS.flatMap((f) => texts[f].map((v) => `${key}_${f}_${snake(v)}`))];
}
