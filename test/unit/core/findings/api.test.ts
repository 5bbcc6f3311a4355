/** The lens's public helpers (order, worst severity, index by exchange) and totality on ill-typed records. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as lens from '../../../../src/core/findings';
import { RULES, SEVERITY_ORDER, atLeast, countBySeverity, findingsForExchange, findingsOf, indexByExchange, preflightCost, ruleOf, worstSeverity } from '../../../../src/core/findings';
import type { FindingEntry, FindingId } from '../../../../src/core/findings';
import { corrupt, edits, weird } from '../ill-typed';
import { EN, wordsFor } from '../../../../src/core/i18n/catalogues';
import { m } from '../../../../src/core/i18n/msg';
import { findingIds, findingKey } from '../../../../src/core/findings/messages';
import { APP, API, entry, exchange, run } from './helpers';

/** Every FindingId (a missing or extra key is a type error). */
const ALL_IDS: Record<FindingId, true> = {
  'null-origin-allowed': true, 'insecure-origin-trusted': true, 'origin-reflected': true, 'origin-echo-without-vary': true,
  'wildcard-with-credentials': true, 'wildcard-lists-with-credentials': true, 'private-network-broadly-allowed': true,
  'max-age-over-browser-cap': true, 'preflight-not-cached': true, 'public-suffix-origin-trusted': true, 'cached-answer-for-other-origin': true,
};

function sampleLog(): FindingEntry[] {
  return [
    exchange().id('n').from('null').cookie('sid=1').to(`${API}/me`).response((r) => r.acao('null').acac('true')).build(),
    exchange().id('w').from(APP).to(`${API}/pub`).response((r) => r.acao('*').acac('true')).build(),
    exchange().id('e').from(APP).to(`${API}/items`).response((r) => r.acao(APP)).build(),
    exchange().id('m').method('PUT').from(APP).to(`${API}/items/1`).preflight((p) => p.acao(APP).acam('PUT').header('Access-Control-Max-Age', '86400'))
      .response((r) => r.acao(APP).header('Vary', 'Origin')).build(),
    exchange().id('x').to(`${API}/gone`).failed('net::ERR_CONNECTION_REFUSED').build(),
  ].map(entry);
}

describe('catalogue', () => {
  it('has one module per id, each with words and a page to read', () => {
    expect(RULES.map((r) => r.id).sort()).toEqual(Object.keys(ALL_IDS).sort());
    for (const rule of RULES) {
      expect(ruleOf(rule.id)).toBe(rule);
      expect(EN.t(m(`${findingKey(rule.id)}_title`)).length).toBeGreaterThan(5);
      for (const field of [rule.texts.summary, rule.texts.why, rule.texts.fix]) {
        expect(field, rule.id).toContain('default');
      }
      for (const id of findingIds(rule.id, rule.texts).filter((i) => !i.endsWith('_title'))) {
        expect(EN.t(m(id)), id).toMatch(/^\S.{20,}[.)]$/s);
      }
      expect(rule.learnMore.length).toBeGreaterThan(0);
      for (const page of rule.learnMore) expect(page.url).toMatch(/^https:\/\/(developer\.mozilla\.org\/en-US\/|portswigger\.net\/|owasp\.org\/|publicsuffix\.org\/|wicg\.github\.io\/)/);
    }
  });
});

describe('order and severity helpers', () => {
  it('sorts worst first and finds the worst', () => {
    const found = findingsOf(sampleLog());
    expect(found.map((f) => f.id)).toEqual(['null-origin-allowed', 'origin-echo-without-vary', 'wildcard-with-credentials', 'max-age-over-browser-cap']);
    expect(found.map((f) => f.severity)).toEqual(['high', 'low', 'low', 'info']);
    expect(worstSeverity(found)).toBe('high');
    expect(worstSeverity(['info', 'low'])).toBe('low');
    expect(worstSeverity([])).toBeNull();
    expect(countBySeverity(found)).toEqual({ high: 1, medium: 0, low: 2, info: 1 });
    expect(SEVERITY_ORDER).toEqual(['high', 'medium', 'low', 'info']);
    expect(atLeast('medium', 'low')).toBe(true);
    expect(atLeast('info', 'low')).toBe(false);
  });

  it('finds the findings of one exchange', () => {
    const found = findingsOf(sampleLog());
    expect(findingsForExchange('n', found).map((f) => f.id)).toEqual(['null-origin-allowed']);
    expect(findingsForExchange('m', found).map((f) => f.id)).toEqual(['max-age-over-browser-cap']);
    expect(findingsForExchange('x', found)).toEqual([]);
    expect(indexByExchange(found).get('e')?.map((f) => f.id)).toEqual(['origin-echo-without-vary']);
  });

  it('says nothing about exchanges CORS did not judge', () => {
    const same = exchange().from(API).to(`${API}/x`).response((r) => r.acao('null')).build();
    const noCors = exchange().type('image').mode('no-cors').to(`${API}/logo.png`).response((r) => r.acao('null')).build();
    expect(run([same, noCors])).toEqual([]);
  });

  it('quotes a long header value with a bounded prefix', () => {
    const long = '*, ' + 'x'.repeat(1 << 20);
    const ex = exchange().method('PUT').cookie('sid=1').from(APP).to(`${API}/x`)
      .preflight((p) => p.acao(APP).acac('true').acam('PUT').acah(long))
      .response((r) => r.acao(APP).acac('true').header('Vary', 'Origin')).build();
    const found = run([ex]);
    expect(found.map((f) => f.id)).toEqual(['wildcard-lists-with-credentials']);
    expect(found[0]!.evidence[0]!.value).toMatch(/^\*, x+…\[cut: 1,048,579 chars\]$/);
    expect(JSON.stringify(found).length).toBeLessThan(10_000);
  });
});

describe('another language', () => {
  it('re-renders a finding from its message ids and params', () => {
    const [f] = findingsOf(sampleLog());
    const fr = wordsFor('fr');
    expect(fr.t(f!.title)).toBe('Origine null autorisée');
    expect(fr.t(f!.summary)).toBe(`${API}/me répond Access-Control-Allow-Origin: null avec Access-Control-Allow-Credentials: true, si bien que toute page dont l’origine est null peut le lire avec les cookies de l’utilisateur.`);
    expect(EN.t(f!.summary)).toBe(`${API}/me answers Access-Control-Allow-Origin: null with Access-Control-Allow-Credentials: true, so any page whose origin is null may read it with the user's cookies.`);
  });
});

describe('every export is total on ill-typed records', () => {
  const fns: [string, (...a: unknown[]) => unknown, (i: number) => unknown[]][] = [
    ['findingsOf', findingsOf as never, () => [sampleLog(), { browser: 'firefox' }]],
    ['preflightCost', preflightCost as never, () => [sampleLog()]],
    ['worstSeverity', worstSeverity as never, () => [findingsOf(sampleLog())]],
    ['countBySeverity', countBySeverity as never, () => [findingsOf(sampleLog())]],
    ['indexByExchange', indexByExchange as never, () => [findingsOf(sampleLog())]],
    ['findingsForExchange', findingsForExchange as never, () => ['n', findingsOf(sampleLog())]],
    ['severityRank', lens.severityRank as never, () => ['high']],
    ['atLeast', atLeast as never, () => ['high', 'low']],
    ['ruleOf', ruleOf as never, () => ['null-origin-allowed']],
  ];

  it('covers every exported function', () => {
    const exported = Object.entries(lens).filter(([, v]) => typeof v === 'function').map(([k]) => k).sort();
    expect(fns.map(([n]) => n).sort()).toEqual(exported);
  });

  it.each(fns)('%s never throws', (_name, fn, sample) => {
    fc.assert(fc.property(fc.nat(), edits, (i, list) => {
      fn(...corrupt(sample(i), list));
    }), { numRuns: 40 });
    fc.assert(fc.property(fc.array(weird, { maxLength: 3 }), (args) => {
      fn(...args);
    }), { numRuns: 30 });
  }, 60_000);
});
