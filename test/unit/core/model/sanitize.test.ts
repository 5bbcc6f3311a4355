/** The sanitising boundary: timings are checked, nothing is stringified that cannot be, stored verdicts are made well typed. */
import { describe, expect, it } from 'vitest';
import { classify } from '../../../../src/core/classify/classify';
import { sanitize, sanitizeEntry, sanitizeVerdict } from '../../../../src/core/model/sanitize';
import { API, PAGE, exchange } from '../../../support/builder';
import { EN, wordsFor } from '../../../../src/core/i18n/catalogues';
import { m } from '../../../../src/core/i18n/msg';

const good = () => exchange().to(`${API}/a`).response((r) => r.acao(PAGE)).build();
const deep = (): unknown[] => { let v: unknown[] = []; for (let i = 0; i < 20_000; i++) v = [v]; return v; };

describe('sanitize', () => {
  it('returns a well-formed exchange itself', () => {
    const x = good();
    expect(sanitize(x)).toBe(x);
  });

  it.each([null, 'yesterday', { start: 'now' }, { start: 5, end: {} }, { start: Number.NaN }])('checks timings (%j)', (timings) => {
    const x = { ...good(), timings } as unknown;
    const t = sanitize(x).timings;
    expect(Number.isFinite(t.start)).toBe(true);
    expect(t.end === undefined || Number.isFinite(t.end)).toBe(true);
  });

  it('leaves out header entries whose value is not text, without calling String() on them', () => {
    const x = { ...good(), requestHeaders: [{ name: 'A', value: JSON.parse('{"toString":1}') }, { name: 'B', value: deep() }, { name: 'C', value: 3 }, { name: 'D' }] } as unknown;
    expect(sanitize(x).requestHeaders).toEqual([{ name: 'C', value: '3' }, { name: 'D', value: '' }]);
  });

  it('checks the optional response fields that reach a report', () => {
    const x = good();
    (x.response as unknown as Record<string, unknown>).ip = deep();
    expect(sanitize(x).response?.ip).toBeUndefined();
  });
});

describe('sanitizeVerdict and sanitizeEntry', () => {
  it('returns a well-formed verdict itself', () => {
    const v = classify(good());
    expect(sanitizeVerdict(v)).toBe(v);
  });

  it('makes a blocked verdict whose reasons are unreadable inconclusive, and fills what is missing', () => {
    const v = sanitizeVerdict({ kind: 'blocked', reasons: [null, 7, { summary: 'no code' }], headline: 3 });
    expect(v).toMatchObject({ kind: 'inconclusive', reasons: [], preflight: { required: false, why: [] }, credentials: { mode: 'unknown' }, origin: null, status: null, notes: [] });
    expect(EN.t(v.headline)).toBe('Blocked, but the stored reason could not be read');
    expect(wordsFor('fr').t(v.headline)).toBe('Bloquée, mais la raison enregistrée n’a pas pu être lue');
  });

  it('keeps a reason with a code and repairs its other fields', () => {
    const v = sanitizeVerdict({ ...classify(good()), kind: 'blocked', reasons: [{ code: 'MissingAllowOriginHeader', step: { kind: 'preflight', index: -1 } }] });
    expect(v.kind).toBe('blocked');
    expect(v.reasons[0]).toMatchObject({ code: 'MissingAllowOriginHeader', step: { kind: 'preflight', index: 0 }, received: null });
    expect(EN.t(v.reasons[0]!.summary)).toBe('MissingAllowOriginHeader');
  });

  it('keeps the sentences of a verdict stored by an older version (plain strings), shown as they were in every language', () => {
    const old = {
      kind: 'blocked', headline: 'Blocked: the response had no Access-Control-Allow-Origin header', origin: PAGE, tainted: false, status: 200,
      reasons: [{ code: 'MissingAllowOriginHeader', firefox: null, mdn: null, header: null, received: null, expected: 'ACAO', summary: 'No ACAO.', step: { kind: 'response' }, chromeMessage: 'x', firefoxMessage: 'Cross-Origin Request Blocked' }],
      preflight: { required: true, why: [{ kind: 'method', subject: 'PUT', text: 'PUT is not a simple method' }, { kind: 'x', subject: 1, text: 'dropped' }], observed: true, cached: false },
      credentials: { mode: 'include', basis: 'a Cookie header was sent' },
      notes: ['The server answered 200.', 7, { id: 'note_tainted' }],
    };
    const v = sanitizeVerdict(old);
    const fr = wordsFor('fr');
    expect(v.headline).toEqual(m('common_text', { text: old.headline }));
    expect(fr.t(v.headline)).toBe(old.headline);
    expect(v.reasons[0]!.summary).toEqual(m('common_text', { text: 'No ACAO.' }));
    expect(EN.t(v.reasons[0]!.firefoxMessage!)).toBe('Cross-Origin Request Blocked');
    expect(v.preflight.why.map((w) => EN.t(w.text))).toEqual(['PUT is not a simple method']);
    expect(EN.t(v.credentials.basis)).toBe('a Cookie header was sent');
    expect(v.notes).toEqual([m('common_text', { text: 'The server answered 200.' }), { id: 'note_tainted' }]);
    // Made well formed once, it is returned as is the next time.
    expect(sanitizeVerdict(v)).toBe(v);
  });

  it('a verdict without readable words says so, in both languages', () => {
    const v = sanitizeVerdict({ kind: 'simple', headline: { id: 7 } });
    expect(EN.t(v.headline)).toBe('Verdict not readable');
    expect(wordsFor('fr').t(v.headline)).toBe('Verdict illisible');
    expect(EN.t(v.credentials.basis)).toBe('nothing visible shows whether cookies or HTTP authentication were sent');
  });

  it('returns a well-formed entry itself, and repairs a broken one', () => {
    const e = { exchange: good(), verdict: classify(good()), seq: 1, pageId: 'p' };
    expect(sanitizeEntry(e)).toBe(e);
    const broken = sanitizeEntry({ exchange: 'x', verdict: null, seq: 'one' });
    expect(broken.exchange.requestHeaders).toEqual([]);
    expect(broken.verdict.kind).toBe('inconclusive');
    expect(broken.seq).toBeUndefined();
  });
});
