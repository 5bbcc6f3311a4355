/** Sec-Fetch-Mode values are matched as words, never looked up as property names of an object. */
import { describe, expect, it } from 'vitest';
import { classify } from '../../../../src/core/classify/classify';
import { exchange, PAGE, API } from '../../../support/builder';

const failedWith = (mode: string) => classify(exchange().header('Sec-Fetch-Mode', mode).to(`${API}/x`).response().failed().build());

describe('Sec-Fetch-Mode', () => {
  it.each(['constructor', '__proto__', 'hasOwnProperty'])('%s is an unknown value, judged like any other unknown value', (value) => {
    expect(failedWith(value)).toEqual(failedWith('bogus'));
    expect(failedWith(value).kind).toBe('blocked');
  });

  it.each([['CORS', 'blocked'], ['No-Cors', 'no-cors'], ['Nested-Navigate', 'same-origin']])('%s is read case-insensitively', (value, kind) => {
    expect(failedWith(value).kind).toBe(kind);
    expect(failedWith(value.toLowerCase()).kind).toBe(kind);
  });

  it('a page origin is what the builder starts from', () => {
    expect(classify(exchange().to(`${API}/x`).response((r) => r.acao(PAGE)).build()).kind).toBe('simple');
  });
});
