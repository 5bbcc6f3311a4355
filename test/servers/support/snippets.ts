/**
 * The snippet the panel shows for one stack, from the three sources a user has: the exchange CORS Lens recorded
 * (its protocol's snapshot of the tab, what the panel renders), the HAR report CORS Lens exports (sensitive
 * values redacted, as the Export button writes it by default) read back with `readHar` (as `cors-lens` and the
 * panel's HAR import read it), and a HAR exported the way Chrome DevTools does. Each goes through the same path as
 * the panel: classify → fixesFor → the stack's snippet (src/panel/details/FixSection.tsx).
 */
import { classify } from '../../../src/core/classify/classify';
import { fixesFor, type Snippet, type StackId } from '../../../src/core/fix';
import { readHar } from '../../../src/core/har';
import type { Exchange } from '../../../src/core/model/exchange';
import type { Verdict } from '../../../src/core/model/verdict';
import type { ExchangeEntry } from '../../../src/shared/protocol';
import { prepareReport } from '../../../src/shared/report-download';
import { EN } from '../../../src/core/i18n/catalogues';

export interface Proposal {
  /** Where the exchange came from ('extension' or 'devtools-har'). */
  source: string;
  verdict: Verdict;
  snippet: Snippet;
}

export function proposalFor(source: string, exchange: Exchange, stack: StackId): Proposal {
  const verdict = classify(exchange);
  const snippet = fixesFor(exchange, verdict).snippets.find((s) => s.stack === stack);
  if (!snippet) throw new Error(`fixesFor gave no ${stack} snippet for ${exchange.method} ${exchange.url} (${source}: ${EN.t(verdict.headline)})`);
  return { source, verdict, snippet };
}

/** The exchange of `url` in a HAR, as `readHar` reads it (the file must be read without a warning). */
export function exchangeFromHar(harText: string, url: string): Exchange {
  const read = readHar(harText);
  if (read.warnings.length) throw new Error(`readHar warned: ${read.warnings.join('; ')}`);
  const found = read.exchanges.filter((x) => x.url === url);
  if (found.length !== 1) throw new Error(`expected one exchange for ${url} in the DevTools HAR, found ${found.length}`);
  return found[0]!;
}

/** The report the panel's Export writes for this one exchange (sensitive values redacted), as text. */
export function exportedReport(entry: ExchangeEntry, pageUrl: string): string {
  return prepareReport({ entries: [entry], pageUrl, includeSensitive: false }, { name: 'Chromium', version: 'test' }, '0.0.0-test').text;
}

/** Same code, same notes: the same paste. */
export const sameSnippet = (a: Snippet, b: Snippet): boolean => a.code === b.code && JSON.stringify(a.notes) === JSON.stringify(b.notes);

export function showSnippet(p: Proposal): string {
  return `--- ${p.snippet.label} snippet (from ${p.source}; verdict: ${EN.t(p.verdict.headline)}) ---\n${p.snippet.code}\n${p.snippet.notes.map((n) => `note: ${EN.t(n)}`).join('\n')}`;
}
