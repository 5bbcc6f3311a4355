/** The reason column names what was rejected (the request's header or method), then what the server allowed. */
import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/core/classify/classify';
import { shortReason } from '../../../src/shared/short-reason';
import { say } from '../../../src/panel/text';
import { EN } from '../../../src/core/i18n/catalogues';
import { API, exchange, PAGE } from '../../support/builder';

const reasonOf = (x: ReturnType<ReturnType<typeof exchange>['build']>) => say(shortReason(x, classify(x)), EN);
const put = () => exchange().from(PAGE).to(`${API}/api/items/1`).method('PUT');

describe('shortReason', () => {
  it('header not allowed: the request header, then what the server allows', () => {
    expect(reasonOf(put().header('X-Custom', '1').preflight((p) => p.status(204).acao(PAGE).acam('PUT').acah('x-other')).failed().build()))
      .toBe('header not allowed: x-custom (server allows x-other)');
  });

  it('header not allowed with no Allow-Headers at all', () => {
    expect(reasonOf(put().header('X-Custom', '1').preflight((p) => p.status(204).acao(PAGE).acam('PUT')).failed().build()))
      .toBe('header not allowed: x-custom (none allowed)');
  });

  it('method not allowed: the request method, then what the server allows', () => {
    expect(reasonOf(put().preflight((p) => p.status(204).acao(PAGE).acam('GET, POST')).failed().build()))
      .toBe('method not allowed: PUT (server allows GET, POST)');
  });

  it('long values are cut in the column', () => {
    const text = reasonOf(put().preflight((p) => p.status(204).acao(PAGE).acam(`GET, ${'X'.repeat(100_000)}`)).failed().build());
    expect(text.length).toBeLessThan(120);
    expect(text).toMatch(/^method not allowed: PUT \(server allows GET, X+…\[cut: 100,005 chars\]\)$/);
  });

  it('other reasons keep their few words', () => {
    expect(reasonOf(exchange().from(PAGE).to(`${API}/api/x`).response((r) => r.status(200)).failed().build())).toBe('no Allow-Origin');
  });
});
