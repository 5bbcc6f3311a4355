/**
 * fetch(url, {redirect: 'manual'}): the last hop was not followed and the request ended aborted. When
 * every visible check passed, the page got an opaque-redirect response: allowed (simple or
 * preflighted), said in words. A failing hop, or any other error, keeps its own verdict.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../../../../src/core/classify/classify';
import type { Exchange } from '../../../../../src/core/model/exchange';
import { API, exchange, PAGE, type ExchangeBuilder } from '../../../../support/builder';
import { EN } from '../../../../../src/core/i18n/catalogues';

const THIRD = 'http://127.0.0.1:4003';

function unfollowed(b: ExchangeBuilder, error = 'net::ERR_ABORTED'): Exchange {
  const ex = b.failed(error).build();
  ex.redirects.at(-1)!.followed = false;
  delete ex.response;
  delete ex.finalRequestHeaders;
  return ex;
}

describe('a redirect kept as an opaque redirect', () => {
  it('passing 302, aborted: simple, status 302, the target never requested', () => {
    const v = classify(unfollowed(exchange().to(`${API}/a`).redirect((r) => r.to(`${THIRD}/b`).acao(PAGE))));
    expect(v.kind).toBe('simple');
    expect(v.reasons).toEqual([]);
    expect(v.status).toBe(302);
    expect(EN.t(v.headline)).toMatch(/redirect not followed.*opaque redirect/);
    expect(EN.t(v.notes[0]!)).toContain(`${THIRD}/b was never requested`);
  });

  it('after a passing preflight: preflighted', () => {
    const v = classify(unfollowed(exchange().to(`${API}/a`).method('PUT').preflight((p) => p.acao(PAGE).acam('PUT'))
      .redirect((r) => r.status(307).to(`${THIRD}/b`).acao(PAGE))));
    expect({ kind: v.kind, observed: v.preflight.observed }).toEqual({ kind: 'preflighted', observed: true });
    expect(EN.t(v.headline)).toMatch(/opaque redirect/);
  });

  it('Firefox\'s abort string counts too', () => {
    const v = classify(unfollowed(exchange().to(`${API}/a`).observer('firefox').redirect((r) => r.to(`${THIRD}/b`).acao(PAGE)), 'NS_BINDING_ABORTED'));
    expect(v.kind).toBe('simple');
  });

  it('a hop that fails its check is not an opaque redirect', () => {
    const v = classify(unfollowed(exchange().to(`${API}/a`).redirect((r) => r.to(`${THIRD}/b`))));
    expect(v.kind).not.toBe('simple');
    expect(EN.t(v.headline)).not.toMatch(/opaque redirect/);
  });

  it('another error after an unfollowed hop stays a network error', () => {
    const v = classify(unfollowed(exchange().to(`${API}/a`).redirect((r) => r.to(`${THIRD}/b`).acao(PAGE)), 'net::ERR_UNSAFE_REDIRECT'));
    expect(v.kind).toBe('network-error');
  });

  it('an aborted request whose redirect was followed is a network error, not an opaque redirect', () => {
    const ex = exchange().to(`${API}/a`).redirect((r) => r.to(`${THIRD}/b`).acao(PAGE)).failed('net::ERR_ABORTED').build();
    delete ex.response;
    expect(classify(ex).kind).toBe('network-error');
  });
});
