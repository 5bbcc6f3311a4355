/**
 * The Markdown summary on one huge field (a 1 MB method, URL, header value or fix header list): the text
 * stays small, each long value is cut with a marker that says how long it was, and nothing throws
 * (a value made of many backtick runs used to overflow the stack through Math.max(...runs)).
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../../../src/core/classify/classify';
import { fixesFor } from '../../../../src/core/fix/index';
import type { Exchange } from '../../../../src/core/model/exchange';
import { MAX_FIELD, summaryMarkdown, type FixLike, type MarkdownInput } from '../../../../src/core/report/summary';
import { mdCode } from '../../../../src/core/report/markdown';
import { m } from '../../../../src/core/i18n/msg';
import { API, PAGE, exchange } from '../../../support/builder';

const MB = 1 << 20;
const NOW = Date.UTC(2026, 0, 1);
const blocked = (x: Exchange) => ({ exchange: x, verdict: classify(x) });
const markdown = (x: Exchange, fixes: MarkdownInput['fixes'] = fixesFor) =>
  summaryMarkdown({ entries: [blocked(x)], now: NOW, pageUrl: `${PAGE}/${'p'.repeat(MB)}`, fixes });

describe('summaryMarkdown with one huge field', () => {
  it.each([
    ['method', exchange().method('P'.repeat(MB)).to(`${API}/a`).response((r) => r.status(200)).failed().build()],
    ['URL', exchange().to(`${API}/${'a'.repeat(MB)}`).response((r) => r.status(200)).failed().build()],
    ['URL of backticks', exchange().to(`${API}/${'`a'.repeat(MB / 2)}`).response((r) => r.status(200)).failed().build()],
    ['Allow-Origin value', exchange().to(`${API}/a`).response((r) => r.acao(`${'`x'.repeat(MB / 2)}`)).failed().build()],
  ])('a 1 MB %s gives a bounded text with the value cut and marked', (_what, x) => {
    expect(classify(x).kind).toBe('blocked');
    const text = markdown(x);
    expect(text.length).toBeLessThan(40_000);
    expect(text).toMatch(/…\[cut: 1,0\d\d,\d\d\d chars\]/);
  });

  it('caps the header lines of a fix step and says how many were left out', () => {
    const x = exchange().to(`${API}/a`).response((r) => r.status(200)).failed().build();
    const fix: FixLike = {
      summary: m('common_text', { text: 's'.repeat(MB) }),
      steps: [{ step: 'preflight', url: `${API}/${'u'.repeat(MB)}`, status: m('common_text', { text: '2'.repeat(MB) }), headers: Array.from({ length: 20_000 }, (_, i) => ({ name: `X-${i}`, value: 'v'.repeat(1000) })) }],
    };
    const text = markdown(x, () => fix);
    expect(text.length).toBeLessThan(60_000);
    expect(text).toContain('(19,960 more headers not shown)');
    expect(text).not.toContain('v'.repeat(MAX_FIELD + 1));
  });

  it('lists at most 40 more groups by name, then counts the rest', () => {
    const entries = Array.from({ length: 500 }, (_, i) => blocked(exchange().id(`x${i}`).to(`${API}/e${i}`).response((r) => r.status(200)).failed().build()));
    const text = summaryMarkdown({ entries, now: NOW, maxGroups: 2 });
    expect(text).toContain('Also blocked (498 more):');
    expect(text).toContain('- … and 458 more');
  });

  it('mdCode survives half a million backtick runs', () => {
    const value = '`a'.repeat(500_000);
    expect(() => mdCode(value)).not.toThrow();
    expect(mdCode(value).startsWith('``')).toBe(true);
  });
});
