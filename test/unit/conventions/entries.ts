/**
 * The extension's entry points, found where the build finds them: file names in manifest.json, in
 * vite.config.ts (rollupOptions.input) and in the devtools page's `panels.create(…)` (and the npm package's, in
 * scripts/build-cli.mjs: the CLI and `cors-lens/playwright`), HTML pages
 * followed to their `<script src>`. Nothing imports an entry, so its exports are not checked.
 */
import { posix } from 'node:path';
import ts from 'typescript';
import type { Project } from './export-graph';

const PAGE_OR_SCRIPT = /^\/?(?:\.\/)?(src\/[^?#]*\.(?:html|[cm]?[jt]sx?))(?:[?#].*)?$/;

function fromManifest(value: unknown, out: string[]): void {
  if (typeof value === 'string') {
    const m = PAGE_OR_SCRIPT.exec(value);
    if (m) out.push(m[1]!);
  } else if (Array.isArray(value)) for (const v of value) fromManifest(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) fromManifest(v, out);
}

function fromSource(path: string, text: string, out: string[]): void {
  const sf = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, path.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteralLike(node) || ts.isTemplateHead(node)) {
      const m = PAGE_OR_SCRIPT.exec(node.text);
      if (m) out.push(m[1]!);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
}

function scriptsOf(html: string, text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/<script\b[^>]*\bsrc\s*=\s*["']([^"']+)["']/gi)) {
    const src = m[1]!;
    if (/^[a-z]+:/i.test(src)) continue;
    out.push(src.startsWith('/') ? src.slice(1) : posix.normalize(posix.join(posix.dirname(html), src)));
  }
  return out;
}

/** Every entry point (HTML pages and their scripts, the service worker). */
export function entryPoints(project: Project): Set<string> {
  const found: string[] = [];
  const files = new Set(project.files);
  if (files.has('manifest.json')) fromManifest(JSON.parse(project.read('manifest.json')), found);
  for (const config of ['vite.config.ts', 'src/devtools/main.tsx', 'scripts/build-cli.mjs']) {
    if (files.has(config)) fromSource(config, project.read(config), found);
  }
  const entries = new Set<string>();
  const queue = [...found];
  while (queue.length > 0) {
    const p = queue.shift()!;
    if (entries.has(p)) continue;
    entries.add(p);
    if (p.endsWith('.html') && files.has(p)) queue.push(...scriptsOf(p, project.read(p)));
  }
  return entries;
}
