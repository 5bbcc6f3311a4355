/** Helpers for the manifest convention tests: read the manifest, scan src/ for extension API use. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..', '..');

export type Manifest = Record<string, unknown> & {
  permissions?: string[];
  host_permissions?: string[];
  background?: { service_worker?: string; scripts?: string[]; type?: string };
};

export function readManifest(dir = ROOT): Manifest {
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
}

export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|tsx|mts|js|mjs)$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** Source text without comments, so a namespace named in prose does not count as use. */
export function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:\\])\/\/.*$/gm, '$1');
}

/** Extension API namespaces referenced as `chrome.X` / `browser.X` (not `obj.browser.X`). */
export function namespacesIn(text: string): Set<string> {
  const found = new Set<string>();
  for (const m of withoutComments(text).matchAll(/(?:^|[^\w$.]|globalThis\.)(?:chrome|browser)\s*\??\.\s*([A-Za-z]\w*)/g)) {
    if (m[1]) found.add(m[1]);
  }
  return found;
}

/** Every file path the manifest points at (icons, pages, scripts). */
export function referencedFiles(manifest: Manifest): string[] {
  const files: string[] = [];
  const add = (v: unknown): void => {
    if (typeof v === 'string') files.push(v);
    else if (Array.isArray(v)) v.forEach(add);
    else if (v && typeof v === 'object') Object.values(v).forEach(add);
  };
  const m = manifest as Record<string, unknown>;
  add(m.icons);
  const action = (m.action ?? {}) as Record<string, unknown>;
  add(action.default_popup);
  add(action.default_icon);
  add(m.background);
  add(m.devtools_page);
  add(m.options_page);
  add((m.options_ui as Record<string, unknown> | undefined)?.page);
  add((m.side_panel as Record<string, unknown> | undefined)?.default_path);
  for (const cs of (m.content_scripts ?? []) as Array<Record<string, unknown>>) add([cs.js, cs.css]);
  return files.filter((f) => f !== 'module' && f !== 'classic');
}
