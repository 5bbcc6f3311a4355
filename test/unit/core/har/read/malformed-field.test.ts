/**
 * One malformed field in a HAR does not refuse the whole file: the entry is skipped with a warning that
 * names it (index, method and URL, which field), and every other entry is read. Values that used to
 * throw out of readHar: an object whose String() throws, a 20,000-deep array, an object initiator id.
 */
import { describe, expect, it } from 'vitest';
import { readHar } from '../../../../../src/core/har';
import { toChromeResourceType, fromHarResourceType } from '../../../../../src/core/har/resource-type';
import { API, T0 } from '../builders';

const entry = (url: string, at: number, headers: unknown[] = [{ name: 'Origin', value: 'http://app.test' }], response: unknown[] = []) => ({
  startedDateTime: new Date(T0 + at).toISOString(),
  time: 2,
  request: { method: 'GET', url, headers },
  response: { status: 200, headers: response },
  timings: { send: 0, wait: 1, receive: 1 },
});
const har = (entries: unknown[]) => `{"log":{"version":"1.2","creator":{"name":"test","version":"1"},"entries":[${entries.map((e) => (typeof e === 'string' ? e : JSON.stringify(e))).join(',')}]}}`;

/** A 20,000-deep array as text (JSON.stringify of such a value would itself overflow the stack). */
const DEEP = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;

describe('readHar with one malformed field', () => {
  it('skips an entry whose header value is an object that cannot become text, and reads the rest', () => {
    const bad = entry(`${API}/bad`, 1, [{ name: 'X-Trace', value: { toString: 1, valueOf: 1 } }]);
    const { exchanges, warnings } = readHar(har([entry(`${API}/a`, 0), bad, entry(`${API}/c`, 2)]));
    expect(exchanges.map((x) => x.url)).toEqual([`${API}/a`, `${API}/c`]);
    expect(warnings).toEqual([`entry 1 (GET ${API}/bad) skipped: request.headers[0].value is an object, not text`]);
  });

  it('skips an entry whose response header value is a 20,000-deep array', () => {
    const bad = JSON.stringify(entry(`${API}/deep`, 1, undefined, [{ name: 'Access-Control-Allow-Origin', value: '__DEEP__' }])).replace('"__DEEP__"', DEEP);
    const { exchanges, warnings } = readHar(har([entry(`${API}/a`, 0), bad]));
    expect(exchanges.map((x) => x.url)).toEqual([`${API}/a`]);
    expect(warnings).toEqual([`entry 1 (GET ${API}/deep) skipped: response.headers[0].value is a list, not text`]);
  });

  it('keeps numbers and booleans as text, and ignores an initiator id that is not text', () => {
    const e = { ...entry(`${API}/n`, 0, [{ name: 'X-Count', value: 3 }, { name: 'X-Flag', value: true }]), _initiator: { type: 'script', requestId: { toString: 1 } } };
    const { exchanges, warnings } = readHar(har([e]));
    expect(warnings).toEqual([]);
    expect(exchanges[0]!.requestHeaders).toEqual([{ name: 'X-Count', value: '3' }, { name: 'X-Flag', value: 'true' }]);
  });

  it('bounds the URL a warning quotes', () => {
    const long = `${API}/${'a'.repeat(100_000)}`;
    const { warnings } = readHar(har([entry(long, 0, [{ name: 'X', value: {} }])]));
    expect(warnings[0]!.length).toBeLessThan(400);
  });
});

describe('resource types named like Object properties', () => {
  it('are "other", never a function from the prototype', () => {
    expect(toChromeResourceType('constructor' as never)).toBe('other');
    expect(fromHarResourceType('constructor', '__proto__')).toBe('other');
    expect(fromHarResourceType('toString', 'hasOwnProperty')).toBe('other');
  });
});
