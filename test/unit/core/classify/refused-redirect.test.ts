/**
 * A redirect the browser refused to follow (`followed: false` on the last hop; sequence J in
 * test/unit/background/correlate/sequences.test.ts, README "Refused redirects"):
 * every redirect-related code is found on that trailing hop, and nothing is said about a final
 * response that never existed.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../../../src/core/classify/classify';
import type { Exchange } from '../../../../src/core/model/exchange';
import { API, exchange, PAGE, type ExchangeBuilder } from '../../../support/builder';
import { EN } from '../../../../src/core/i18n/catalogues';

const THIRD = 'http://127.0.0.1:4003';

/** The built exchange with its last hop marked as not followed and no final response. */
function refused(b: ExchangeBuilder): Exchange {
  const ex = b.failed().build();
  ex.redirects.at(-1)!.followed = false;
  delete ex.response;
  return ex;
}

describe('a trailing redirect hop that was not followed', () => {
  it.each([
    ['hop without ACAO', exchange().to(`${API}/a`).redirect((r) => r.to(`${API}/b`)), 'MissingAllowOriginHeader', 0],
    ['hop ACAO for another origin', exchange().to(`${API}/a`).redirect((r) => r.to(`${THIRD}/b`).acao('http://other.test')), 'AllowOriginMismatch', 0],
    ['userinfo in Location', exchange().to(`${API}/a`).redirect((r) => r.to('http://lab:secret@127.0.0.1:4003/b').acao(PAGE)), 'RedirectContainsCredentials', 0],
    ['two ACAO lines on the hop', exchange().to(`${API}/a`).redirect((r) => r.to(`${API}/b`).acao(PAGE).acao(PAGE)), 'MultipleAllowOriginValues', 0],
    ['ACAO * on a hop with a Cookie sent', exchange().to(`${API}/a`).cookie('s=1').redirect((r) => r.to(`${API}/b`).acao('*')), 'WildcardOriginNotAllowed', 0],
    [
      'second hop after tainting allows the page, not null',
      exchange().to(`${API}/a`).redirect((r) => r.to(`${THIRD}/b`).acao(PAGE)).redirect((r) => r.to(`${THIRD}/c`).acao(PAGE)),
      'AllowOriginMismatch', 1,
    ],
  ])('%s → %s at redirect %i', (_name, b, code, index) => {
    const v = classify(refused(b));
    expect(v.kind).toBe('blocked');
    expect(v.reasons[0]).toMatchObject({ code, step: { kind: 'redirect', index } });
    expect(v.status).toBe(302);
  });

  it('a refused hop whose checks all pass is inconclusive, without claiming a final response was hidden', () => {
    const v = classify(refused(exchange().to(`${API}/a`).redirect((r) => r.to(`${API}/b`).acao(PAGE).acac('true'))));
    expect(v.kind).toBe('inconclusive');
    expect(v.notes.map(EN.t).join(' ')).not.toContain('were not visible, so the exact reason');
    expect(v.notes.map(EN.t).join(' ')).toContain('Every visible CORS check passes');
  });

  it('the same exchange with the hop followed but no final response seen says the final headers were hidden', () => {
    const ex = exchange().to(`${API}/a`).redirect((r) => r.to(`${API}/b`).acao(PAGE).acac('true')).failed().build();
    delete ex.response;
    const v = classify(ex);
    expect(v.kind).toBe('inconclusive');
    expect(v.notes.map(EN.t).join(' ')).toContain('not visible');
  });

  it('a malformed followed flag does not make the classifier throw', () => {
    const ex = refused(exchange().to(`${API}/a`).redirect((r) => r.to(`${API}/b`)));
    (ex.redirects[0] as unknown as Record<string, unknown>).followed = 'no';
    expect(() => classify(ex)).not.toThrow();
  });
});
