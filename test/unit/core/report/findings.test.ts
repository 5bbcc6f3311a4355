/** The findings and preflight cost sections of the copied Markdown summary. */
import { describe, expect, it } from 'vitest';
import { classify } from '../../../../src/core/classify/classify';
import { findingsOf, preflightCost } from '../../../../src/core/findings';
import type { Exchange } from '../../../../src/core/model/exchange';
import { costHeadline, costSection, findingsSection } from '../../../../src/core/report/findings';
import { summaryMarkdown } from '../../../../src/core/report/summary';
import { mdCode, mdText } from '../../../../src/core/report/markdown';
import { exchange } from '../../../support/builder';
import { EN } from '../../../../src/core/i18n/catalogues';

const APP = 'https://app.example.com';
const API = 'https://api.example.com';
const T0 = 1_700_000_000_000;
const entry = (x: Exchange) => ({ exchange: x, verdict: classify(x) });

function put(id: string, at: number, ms: number): Exchange {
  const x = exchange().id(id).method('PUT').from(APP).to(`${API}/items/1`)
    .preflight((p) => p.acao(APP).acam('PUT').header('Vary', 'Origin'))
    .response((r) => r.acao(APP).header('Vary', 'Origin')).build();
  x.preflights[0]!.start = T0 + at;
  x.preflights[0]!.end = T0 + at + ms;
  return x;
}

const nullCreds = () => exchange().id('n').from('null').cookie('sid=1').to(`${API}/me`).response((r) => r.acao('null').acac('true')).build();
const clean = () => exchange().id('ok').from(APP).to(`${API}/fine`).response((r) => r.acao(APP).header('Vary', 'Origin')).build();

describe('findings section', () => {
  it('lists severity, the finding\'s own title, the endpoint and its fix, worst first', () => {
    const log = [nullCreds(), exchange().id('e').from(APP).to(`${API}/echo`).response((r) => r.acao(APP)).build()].map(entry);
    const found = findingsOf(log);
    const md = summaryMarkdown({ entries: log, now: T0 });
    expect(md).toContain('### Passes, but configured dangerously or wastefully');
    expect(md).toContain(`${found.length} findings: high 1, low 1. Worst first.`);
    const [high, low] = found;
    expect(md).toContain(`- **High** — ${mdText(EN.t(high!.title))} — \`${API}/me\` (1 request). Fix: ${mdText(EN.t(high!.fix))}`);
    expect(md).toContain(`- **Low** — ${mdText(EN.t(low!.title))} — \`${API}/echo\``);
    expect(md.indexOf('**High**')).toBeLessThan(md.indexOf('**Low**'));
    // Nothing was blocked: the summary says so and still names the findings.
    expect(md).toContain('No request was blocked by CORS.');
  });

  it('says nothing about findings or cost on a well-configured log', () => {
    const md = summaryMarkdown({ entries: [entry(clean())], now: T0 });
    expect(md).not.toContain('Passes, but');
    expect(md).not.toContain('Preflight cost');
    expect(findingsSection([], EN)).toEqual([]);
    expect(costSection([], EN)).toEqual([]);
  });

  it('comes after the blocked groups when some were blocked', () => {
    const blocked = exchange().id('b').from(APP).to(`${API}/b`).response((r) => r.status(200)).failed().build();
    const md = summaryMarkdown({ entries: [entry(blocked), entry(nullCreds())], now: T0 });
    expect(md.indexOf('### 1.')).toBeGreaterThan(0);
    expect(md.indexOf('### Passes, but')).toBeGreaterThan(md.indexOf('### 1.'));
  });

  it('escapes a hostile endpoint and bounds the list', () => {
    const hostile = exchange().id('h').from('null').cookie('sid=1').to('https://api.example.com/<img src=x>`**x**').response((r) => r.acao('null').acac('true')).build();
    const lines = findingsSection(findingsOf([entry(hostile)]), EN);
    const line = lines.find((l) => l.startsWith('- **High**'))!;
    const code = mdCode(findingsOf([entry(hostile)])[0]!.endpoint);
    expect(code.startsWith('``')).toBe(true);
    expect(line).toContain(code);
    // Outside its code span, nothing of the value is left to be read as Markdown or HTML.
    expect(line.replace(code, '')).not.toMatch(/<img|\*\*x/);
    const many = findingsOf(Array.from({ length: 30 }, (_, i) =>
      entry(exchange().id(`n${i}`).from('null').cookie('sid=1').to(`${API}/me${i}`).response((r) => r.acao('null').acac('true')).build())));
    const md = findingsSection(many, EN);
    expect(md.filter((l) => l.startsWith('- **'))).toHaveLength(20);
    expect(md).toContain('- … and 10 more');
  });
});

describe('preflight cost section', () => {
  it('gives the headline and per endpoint the preflights, the wait, what the browser did with Max-Age and what a suitable one saves', () => {
    const log = [0, 1000, 2000, 3000].map((at, i) => entry(put(`p${i}`, at, 20 + i * 10)));
    const cost = preflightCost(log);
    expect(costSection(cost, EN)).toEqual([
      '### Preflight cost',
      '',
      '4 preflights, 140 ms waited: a suitable Max-Age would save 3 (120 ms).',
      '',
      `- \`${API}/items/1\`: 4 preflights, 140 ms waited, median 35 ms; no Max-Age sent, so the browser kept it 5 s; Max-Age 600 would have saved 3 preflights (120 ms)`,
      '',
    ]);
    expect(summaryMarkdown({ entries: log, now: T0 })).toContain('### Preflight cost');
  });

  it('headline without savings, and long waits in seconds', () => {
    expect(EN.t(costHeadline({ preflights: 1, waitedMs: 2400, saved: { preflights: 0, ms: 0 } }))).toBe('1 preflight, 2.4 s waited: none was a repeat a longer Max-Age would have saved');
    expect(EN.t(costHeadline({ preflights: 12, waitedMs: 340, saved: { preflights: 11, ms: 300 } }))).toBe('12 preflights, 340 ms waited: a suitable Max-Age would save 11 (300 ms)');
  });
});
