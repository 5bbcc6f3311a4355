import { describe, expect, it } from 'vitest';
import { classify, describeChecks } from '../../../../src/core/classify/classify';
import { API, exchange, PAGE } from '../../../support/builder';

describe('describeChecks', () => {
  it('lists the preflight and response checks with what passed', () => {
    const ex = exchange().method('PUT').header('X-Trace', '1').to(`${API}/x`)
      .preflight((p) => p.acao(PAGE).acam('PUT').acah('x-other'))
      .failed()
      .build();
    const lines = describeChecks(ex, classify(ex));
    expect(lines).toEqual([
      { step: { kind: 'preflight', index: 0 }, name: 'Access-Control-Allow-Origin', received: PAGE, expected: `${PAGE} (exactly) or *`, ok: true },
      { step: { kind: 'preflight', index: 0 }, name: 'Status', received: '204', expected: '2xx (200 or 204)', ok: true },
      { step: { kind: 'preflight', index: 0 }, name: 'Access-Control-Allow-Methods', received: 'PUT', expected: 'a list including PUT (GET, HEAD and POST need not be listed)', ok: true },
      { step: { kind: 'preflight', index: 0 }, name: 'Access-Control-Allow-Headers', received: 'x-other', expected: 'a list including x-trace', ok: false },
    ]);
  });

  it('uses the verdict\'s credentials: ACAC is checked when credentials were inferred', () => {
    const ex = exchange().response((r) => r.acao(PAGE)).failed().build();
    const v = classify(ex);
    expect(v.credentials.mode).toBe('inferred-include');
    expect(describeChecks(ex, v)).toEqual([
      { step: { kind: 'response' }, name: 'Access-Control-Allow-Origin', received: PAGE, expected: `${PAGE} (exactly)`, ok: true },
      { step: { kind: 'response' }, name: 'Access-Control-Allow-Credentials', received: null, expected: 'true', ok: false },
    ]);
  });

  it('marks a hidden response as not visible', () => {
    const ex = exchange().observer('chrome-basic').failed().build();
    expect(describeChecks(ex)).toEqual([{ step: { kind: 'response' }, name: 'Access-Control-Allow-Origin', received: null, expected: `${PAGE} (exactly) or *`, ok: null }]);
  });

  it('a redirected preflight shows only the Location', () => {
    const ex = exchange().method('PUT').preflight((p) => p.status(302).header('Location', `${API}/y`)).failed().build();
    expect(describeChecks(ex).map((l) => [l.name, l.ok])).toEqual([['Location', false]]);
  });

  it('is empty for navigations and never throws', () => {
    expect(describeChecks(exchange().type('main_frame').mode('navigate').build())).toEqual([]);
    expect(describeChecks(null as never)).toEqual([]);
  });
});
