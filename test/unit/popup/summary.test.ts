import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/core/classify/classify';
import { fixesFor } from '../../../src/core/fix';
import { EN } from '../../../src/core/i18n/catalogues';
import { ago, groupBlocked, summaryMarkdown, type SummaryEntry } from '../../../src/core/report/summary';
import { mdCode, mdText } from '../../../src/core/report/markdown';
import { endpointOf } from '../../../src/core/http/url';
import { API, PAGE, exchange } from '../../support/builder';

const at = (x: ReturnType<ReturnType<typeof exchange>['build']>, start: number) => ({ ...x, timings: { start, end: start + 5 } });
const entry = (x: ReturnType<ReturnType<typeof exchange>['build']>, seq: number): SummaryEntry => ({ exchange: x, verdict: classify(x), seq });
const missing = (id: string, url: string, t: number) => at(exchange().id(id).to(url).response((r) => r.status(200)).failed().build(), t);

describe('groupBlocked', () => {
  it('groups by origin + path and reason, counts, most frequent first, then most recent', () => {
    const list = [
      entry(missing('a', `${API}/a?x=1`, 1000), 1),
      entry(missing('b', `${API}/a?x=2`, 2000), 2),
      entry(missing('c', `${API}/b`, 5000), 3),
      entry(at(exchange().id('d').to(`${API}/a`).response((r) => r.acao('http://evil.test')).failed().build(), 3000), 4),
      entry(at(exchange().id('e').to(`${API}/ok`).response((r) => r.acao(PAGE)).build(), 4000), 5),
    ];
    const groups = groupBlocked(list);
    expect(groups.map((g) => [g.endpoint, g.code, g.count])).toEqual([
      [`${API}/a`, 'MissingAllowOriginHeader', 2],
      [`${API}/b`, 'MissingAllowOriginHeader', 1],
      [`${API}/a`, 'AllowOriginMismatch', 1],
    ]);
    expect(groups[0]!.newest.exchange.id).toBe('b');
    expect(groups[0]!.lastSeen).toBe(2005);
  });

  it('names the endpoint where the browser said no: the preflight\'s or the redirect hop\'s URL', () => {
    const hopFail = at(exchange().id('h').to(`${API}/start?q=1`).redirect((r) => r.to(`${API}/next`)).failed().build(), 10);
    const groups = groupBlocked([entry(hopFail, 1)]);
    expect(groups[0]).toMatchObject({ endpoint: `${API}/start`, code: 'MissingAllowOriginHeader' });
    const taint = at(exchange().id('t').to(`${API}/start`).redirect((r) => r.to('http://127.0.0.1:4003/final').acao(PAGE)).response((r) => r.acao(PAGE)).failed().build(), 10);
    expect(groupBlocked([entry(taint, 1)])[0]!.endpoint).toBe('http://127.0.0.1:4003/final');
  });

  it('merges methods of one endpoint and reason', () => {
    const put = at(exchange().id('p').method('PUT').to(`${API}/r`).preflight((p) => p.status(404)).failed().build(), 1);
    const del = at(exchange().id('d').method('DELETE').to(`${API}/r`).preflight((p) => p.status(404)).failed().build(), 2);
    expect(groupBlocked([entry(put, 1), entry(del, 2)])[0]!.methods).toEqual(['PUT', 'DELETE']);
  });

  it('lower-cases scheme and host, drops query and fragment, keeps odd input readable', () => {
    expect(endpointOf('HTTP://API.Test:81/Path/x?y#z')).toBe('http://api.test:81/Path/x');
    expect(endpointOf('http://api.test')).toBe('http://api.test/');
    expect(endpointOf('not a url?q')).toBe('not a url');
  });
});

describe('Markdown', () => {
  it('puts any value in a code span it cannot escape from', () => {
    expect(mdCode('a`b')).toBe('``a`b``');
    expect(mdCode('``x')).toBe('``` ``x ```');
    expect(mdCode('line1\nline2')).toBe('`line1 line2`');
  });

  it('neutralises Markdown and HTML in prose', () => {
    expect(mdText('<b>*hi*</b> [x](y)\n# h')).toBe('\\<b\\>\\*hi\\*\\</b\\> \\[x\\](y) \\# h');
  });

  it('says so when nothing was blocked', () => {
    const md = summaryMarkdown({ entries: [], now: 0, counts: { simple: 3 }, total: 3 });
    expect(md).toContain('Requests seen: 3 — simple 3.');
    expect(md).toContain('No request was blocked by CORS.');
  });

  it('details the worst groups with fix headers and lists the rest by count', () => {
    const list = Array.from({ length: 4 }, (_, i) => entry(missing(`m${i}`, `${API}/p${i}`, 1000 + i), i));
    const md = summaryMarkdown({ entries: list, now: 10_000, fixes: fixesFor, maxGroups: 2, pageUrl: `${PAGE}/app` });
    expect(md.match(/^### /gm)).toHaveLength(2);
    expect(md).toContain('Also blocked (2 more):');
    expect(md).toContain(`- \`GET ${API}/p1\` — 1 × MissingAllowOriginHeader`);
    expect(md).toMatch(/```http\nAccess-Control-Allow-Origin: http:\/\/127\.0\.0\.1:4001\n/);
    expect(md).toContain('- The server answered with HTTP status 200');
  });

  it('a hostile header value cannot add headings, links or break the code block', () => {
    const evil = 'x```\n## Pwned\n[click](http://evil.test)';
    const x = at(exchange().id('e').response((r) => r.acao(evil)).failed().build(), 5);
    const md = summaryMarkdown({ entries: [entry(x, 1)], now: 10, fixes: fixesFor });
    expect(md).not.toMatch(/^#+ Pwned/m);
    const fences = md.match(/^`{3,}/gm) ?? [];
    expect(fences.length % 2).toBe(0);
    // In prose the link syntax is escaped; the raw value only appears inside a code span fenced longer than its backticks.
    expect(md).toContain('\\[click\\](http://evil.test)');
    expect(md).toContain('received: ````x``` ## Pwned [click](http://evil.test)````');
  });
});

describe('ago', () => {
  it.each([[0, 'just now'], [4_000, 'just now'], [5_000, '5 seconds ago'], [61_000, '1 minute ago'], [7_200_000, '2 hours ago'], [90_000_000, '1 day ago']])('%i ms → %s', (d, text) => {
    expect(EN.t(ago(1_000_000_000 - d, 1_000_000_000))).toBe(text);
  });
});
