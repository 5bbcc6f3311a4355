/** Issue 8 items 2, 4, 5: the advice names what was rejected, says when no header can help, and flags server errors. */
import { describe, expect, it } from 'vitest';
import { classify } from '../../../../src/core/classify/classify';
import { fixesFor } from '../../../../src/core/fix/index';
import { API, exchange, PAGE } from '../../../support/builder';
import { EN } from '../../../../src/core/i18n/catalogues';

const put = () => exchange().from(PAGE).to(`${API}/api/items/1`).method('PUT').header('X-Custom', '1');
const fixOf = (x: ReturnType<ReturnType<typeof exchange>['build']>) => fixesFor(x, classify(x));
/** A list item in a snippet's allowed-headers list, quoted as any of our languages quote it. */
const quotedItem = /["']access-control-allow-headers["']/; // the bug wrote it lowercased, as a list item

describe('fixesFor: rejected headers are the request\'s, never the response header', () => {
  it('Allow-Headers absent: the allowed list is the request header, not "access-control-allow-headers"', () => {
    const f = fixOf(put().preflight((p) => p.status(204).acao(PAGE).acam('PUT')).failed().build());
    expect(f.spec.requestHeaders).toEqual(['x-custom']);
    for (const s of f.snippets) expect(s.code, s.stack).not.toMatch(quotedItem);
    const allow = f.steps.find((s) => s.step === 'preflight')?.headers.find((h) => h.name === 'Access-Control-Allow-Headers');
    expect(allow?.value).toBe('x-custom');
    expect(f.notes.map((n) => EN.t(n.text))).toContain('Add "x-custom" to Access-Control-Allow-Headers: the request sends it, and the preflight response had no Access-Control-Allow-Headers.');
  });

  it('Allow-Headers sent another name: the note names the rejected request header and what the server allowed', () => {
    const f = fixOf(put().header('X-Trace', '2').preflight((p) => p.status(204).acao(PAGE).acam('PUT').acah('x-other, X-Trace')).failed().build());
    expect(f.spec.requestHeaders).toEqual(['x-custom', 'x-trace']);
    const note = f.notes.find((n) => EN.t(n.text).includes('Access-Control-Allow-Headers:'));
    expect(EN.t(note!.text)).toBe('Add "x-custom" to Access-Control-Allow-Headers: the request sends it, and the preflight response allowed only "x-other, X-Trace".');
    expect(f.notes.some((n) => EN.t(n.text).startsWith('Add "x-other"'))).toBe(false);
  });

  it('"*" with credentials: says to list each name', () => {
    const f = fixOf(put().cookie('sid=1').preflight((p) => p.status(204).acao(PAGE).acac('true').acam('PUT').acah('*')).failed().build());
    expect(EN.t(f.notes.find((n) => EN.t(n.text).startsWith('Add "x-custom"'))!.text)).toMatch(/with credentials "\*" is not a wildcard, so list each name/);
  });

  it('method not allowed: names the method the page sends and what the server allowed', () => {
    const f = fixOf(exchange().from(PAGE).to(`${API}/api/items/1`).method('PUT').preflight((p) => p.status(204).acao(PAGE).acam('GET, POST')).failed().build());
    expect(f.notes.map((n) => EN.t(n.text))).toContain('Add "PUT" to Access-Control-Allow-Methods exactly as the page sends it: the preflight response allowed only "GET, POST".');
  });
});

describe('fixesFor: no response, no header fix', () => {
  it('connection refused (nothing listening): says what to check, no steps, no snippet', () => {
    const f = fixOf(exchange().from(PAGE).to(`${API}/api/items`).failed('net::ERR_CONNECTION_REFUSED').build());
    expect(f.status).toBe('network-failure');
    expect(f.snippets).toEqual([]);
    expect(f.steps).toEqual([]);
    expect(EN.t(f.summary)).toMatch(/no CORS header can fix this/);
    expect(f.notes[0]).toMatchObject({ level: 'warning' });
    expect(EN.t(f.notes[0]!.text)).toMatch(/^No response arrived \(net::ERR_CONNECTION_REFUSED\): the connection was refused/);
    expect(EN.t(f.notes[1]!.text)).toMatch(/at 127\.0\.0\.1:4002: the server is not running, listens on another port/);
    expect(EN.t(f.notes[1]!.text)).toMatch(/firewall/);
  });

  it('preflight refused, reported as InvalidResponse: the same, about the preflight', () => {
    const x = exchange().from(PAGE).to(`${API}/api/items`).method('PUT').preflight((p) => p.error('net::ERR_CONNECTION_REFUSED'))
      .failed('net::ERR_FAILED', 'InvalidResponse').build();
    const v = classify(x);
    expect(v.reasons[0]?.code).toBe('InvalidResponse');
    const f = fixesFor(x, v);
    expect(f.status).toBe('network-failure');
    expect(f.snippets).toEqual([]);
    expect(EN.t(f.notes[0]!.text)).toMatch(/^The preflight \(OPTIONS\) got no response \(net::ERR_CONNECTION_REFUSED\)/);
  });

  it.each([
    ['net::ERR_NAME_NOT_RESOLVED', /host name .* could not be resolved/],
    ['net::ERR_CERT_AUTHORITY_INVALID', /certificate/],
    ['net::ERR_ABORTED', /nothing to fix on the server/],
    ['net::ERR_BLOCKED_BY_CLIENT', /ad blocker/],
    ['net::ERR_SOMETHING_NEW', /Check that the server at 127\.0\.0\.1:4002 is running/],
    ['net::ERR_BLOCKED_BY_RESPONSE', /Cross-Origin-Resource-Policy: cross-origin/],
  ])('%s: what to check', (error, words) => {
    const f = fixOf(exchange().from(PAGE).to(`${API}/api/items`).failed(error).build());
    expect(f.status).toBe('network-failure');
    expect(EN.t(f.notes[1]!.text)).toMatch(words);
  });

  it('a failure after the response arrived does not claim no response arrived', () => {
    const f = fixOf(exchange().from(PAGE).to(`${API}/api/items`).response((r) => r.status(200).acao(PAGE)).failed('net::ERR_CONTENT_LENGTH_MISMATCH').build());
    expect(f.status).toBe('network-failure');
    expect(EN.t(f.notes[0]!.text)).toMatch(/^The request failed at the network level after a response \(status 200\) had arrived \(net::ERR_CONTENT_LENGTH_MISMATCH\)/);
  });
});

describe('fixesFor: server errors', () => {
  it.each([[500, true], [502, true], [404, false]])('status %i: serverError %s, errorStatus kept', (status, serverError) => {
    const f = fixOf(exchange().from(PAGE).to(`${API}/api/fail`).response((r) => r.status(status)).failed().build());
    expect(f.spec.errorStatus).toBe(status);
    expect(f.spec.serverError).toBe(serverError);
  });

  it('a 5xx note says the path must be covered and where to look, without a placement rule a stack contradicts', () => {
    const f = fixOf(exchange().from(PAGE).to(`${API}/api/fail`).response((r) => r.status(500)).failed().build());
    const note = f.notes.find((n) => EN.t(n.text).includes('status 500'))!;
    expect(EN.t(note.text)).toMatch(/unhandled exception/);
    expect(EN.t(note.text)).toMatch(/The snippet for your stack covers the errors that server makes itself/);
    expect(EN.t(note.text)).toMatch(/another layer in front of it \(a proxy, a load balancer\) needs the headers there too/);
    expect(EN.t(note.text)).not.toMatch(/before error handlers|outermost|register CORS/);
  });

  it('a preflight answered 500: serverError from the preflight\'s status', () => {
    const f = fixOf(exchange().from(PAGE).to(`${API}/api/items/1`).method('PUT').preflight((p) => p.status(500).acao(PAGE)).failed().build());
    expect(f.spec.errorStatus).toBe(500);
    expect(f.spec.serverError).toBe(true);
  });
});
