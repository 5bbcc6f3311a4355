import { describe, expect, it } from 'vitest';
import { classify } from '../../../../src/core/classify/classify';
import { formatMs, timeline } from '../../../../src/panel/details/timeline-steps';
import { API, exchange, PAGE } from '../../../support/builder';
import { EN } from '../../../../src/core/i18n/catalogues';
import { say } from '../../../../src/panel/text';

describe('timeline', () => {
  it('lists preflight, redirect hops and the request with durations', () => {
    const x = exchange().method('PUT').to(`${API}/a`)
      .preflight((p) => p.status(204).acao(PAGE).acam('PUT'))
      .redirect((r) => r.status(307).to(`${API}/b`).acao(PAGE))
      .response((r) => r.acao(PAGE)).build();
    x.preflights[0]!.start = x.timings.start + 1;
    x.preflights[0]!.end = x.timings.start + 21;
    x.redirects[0]!.time = x.timings.start + 51;
    x.timings.end = x.timings.start + 81;
    const steps = timeline(x, classify(x));
    expect(steps.map((s) => [s.kind, s.result, s.durationMs])).toEqual([
      ['preflight', '204', 20],
      ['redirect', `307 → ${API}/b`, 30],
      ['request', '200', 30],
    ]);
    expect(steps[2]!.url).toBe(`${API}/b`);
  });

  it('says when the preflight came from the cache', () => {
    const x = exchange().method('PUT').to(`${API}/a`).response((r) => r.acao(PAGE)).build();
    const v = classify(x);
    expect(v.preflight.cached).toBe(true);
    const step = timeline(x, v)[0]!;
    expect(step.kind).toBe('preflight-cached');
    expect(EN.t(step.label)).toBe('Preflight served from cache');
  });

  it('shows the status behind a failure', () => {
    const x = exchange().to(`${API}/a`).response((r) => r.status(404)).failed().build();
    expect(say(timeline(x, classify(x)).at(-1)!.result, EN)).toBe('404, then net::ERR_FAILED');
    expect(formatMs(1534)).toBe('1.53 s');
    expect(formatMs(12.4)).toBe('12 ms');
  });

  it('ends at a redirect the browser refused to follow', () => {
    const x = exchange().to(`${API}/a`)
      .redirect((r) => r.status(302).to('http://user:pw@127.0.0.1:4003/b').acao(PAGE))
      .failed().build();
    x.redirects[0]!.followed = false;
    delete x.response;
    const steps = timeline(x, classify(x));
    expect(steps.map((s) => s.kind)).toEqual(['redirect']);
    expect(steps[0]!.failed).toBe(true);
    expect(say(steps[0]!.result, EN)).toBe('302 → http://user:pw@127.0.0.1:4003/b (not followed: net::ERR_FAILED)');
  });
});
