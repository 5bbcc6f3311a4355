import { describe, expect, it } from 'vitest';
import { hasUserinfo, isSameOrigin, originOf, stripUserinfo, toOrigin } from '../../../../src/core/http/origin';
import { canonicalName, headerCount, headerValues, joinedHeader, trimHttpWhitespace, utf8Length } from '../../../../src/core/http/headers';

const URLS = [
  'http://127.0.0.1:4002/a', 'HTTP://Example.COM:80/x', 'https://a.b.c/', 'http://user:pa:ss@h.com:8080/', 'http://1.2.3/',
  'http://0x7f.0.0.1/', 'http://127.1/', 'http://[::1]:80/', 'http://h.com:/x', 'http://h.com:99999/', 'https://xn--bcher-kva.example/',
  'https://bücher.example/', 'http://a..b/', 'http://a.b./', 'http://h.com?x', 'http://h.com#x', 'http://h.com', 'ws://h.com:80',
  'http://h.com:0080', 'http://a@b@c.com/', 'http://a\\b.com/', 'http://exa mple.com', 'http://', 'http://:80/', 'http://4294967295/',
  'http://1.2.3.4.5/', 'http://999.1.1.1/', 'http://a.b-c.d1/', 'http://a.123/', 'https://x.y:443', 'http://01.2.3.4/', 'http://1.2.3.04/',
  'http://255.255.255.255:65535/', 'http://0.0.0.0/', 'file:///etc/passwd', 'data:text/plain,hi', 'blob:http://a.com/uuid',
  'chrome-extension://abc/page.html', 'about:blank', '  http://lead.space/', 'http://tab\t.com/', 'https://EXAMPLE.com:8443/p?q#f',
  'wss://x.test:443/s', 'ftp://x.test/', 'http://h.com:8080', 'http://h.com:0/', 'http://h.com:65536/', 'http://h.com:08080/', 'http://h.com:80', 'https://h.com:80/', 'http://h.com:1e3/', 'http://h.com:+80/', 'http://h.com:80:90/', 'http://%41.com/', 'http://a.b.c.d.e.f.g/', 'http://-a-.com/', 'http://_under.com/',
  // Userinfo followed by a host the parser rewrites or refuses: the host after '@' must be checked too.
  'http://u@ex%41mple.com/', 'http://u@EXAMPLE.com/', 'http://u@bücher.example/', 'http://u@a\\b.com/', 'http://u@exa mple.com/', 'http://u:p@127.1/',
];

describe('originOf agrees with the URL parser', () => {
  it.each(URLS)('%s', (url) => {
    let expected: string | null;
    try {
      expected = new URL(url).origin;
    } catch {
      expected = null;
    }
    expect(originOf(url)).toBe(expected);
  });

  it('returns null for non-URLs and the empty string', () => {
    expect(originOf('')).toBeNull();
    expect(originOf('not a url')).toBeNull();
    expect(originOf(42 as unknown as string)).toBeNull();
  });
});

describe('same-origin test', () => {
  it.each([
    ['http://a.test/x', 'http://a.test:80/y', true],
    ['http://a.test', 'https://a.test', false],
    ['http://a.test', 'http://b.a.test', false],
    ['http://A.test/', 'http://a.TEST/', true],
    ['null', 'null', false],
    ['http://127.0.0.1:4001', 'http://localhost:4001', false],
    ['http://a.test', 'garbage', false],
  ])('%s vs %s → %s', (a, b, same) => {
    expect(isSameOrigin(a, b)).toBe(same);
  });

  it('toOrigin keeps the opaque literal', () => {
    expect(toOrigin('null')).toBe('null');
    expect(toOrigin('http://x.test/p')).toBe('http://x.test');
  });
});

describe('userinfo', () => {
  it.each([
    ['http://u:p@h.test/', true], ['http://u@h.test/', true], ['http://h.test/?email=a@b', false], ['http://h.test/', false], ['garbage@x', false],
  ])('%s → %s', (url, has) => {
    expect(hasUserinfo(url)).toBe(has);
  });
  it('stripUserinfo', () => {
    expect(stripUserinfo('https://u:secret@h.test/p')).toBe('https://h.test/p');
  });
});

describe('headers', () => {
  const hs = [
    { name: 'Access-Control-Allow-Origin', value: ' http://a.test ' },
    { name: 'x-other', value: '1' },
    { name: 'access-control-allow-origin', value: 'http://b.test' },
  ];
  it('values are found in any case, in order, duplicates kept', () => {
    expect(headerValues(hs, 'ACCESS-CONTROL-ALLOW-ORIGIN')).toEqual([' http://a.test ', 'http://b.test']);
    expect(headerCount(hs, 'access-control-allow-origin')).toBe(2);
  });
  it('joined with ", " after trimming each line, as browsers combine them', () => {
    expect(joinedHeader(hs, 'access-control-allow-origin')).toBe('http://a.test, http://b.test');
    expect(joinedHeader(hs, 'missing')).toBeNull();
    expect(joinedHeader([{ name: 'A', value: '' }], 'a')).toBe('');
  });
  it('tolerates malformed lists', () => {
    expect(joinedHeader(undefined, 'a')).toBeNull();
    expect(headerValues([null, { name: 1, value: 2 }] as never, 'a')).toEqual([]);
  });
  it.each([
    ['access-control-allow-origin', 'Access-Control-Allow-Origin'], ['X-TRACE', 'X-Trace'], ['etag', 'Etag'], ['', ''],
  ])('canonicalName(%s) = %s', (input, out) => {
    expect(canonicalName(input)).toBe(out);
  });
  it('trimHttpWhitespace strips space, tab, CR and LF only', () => {
    expect(trimHttpWhitespace(' \t\r\nx y\n')).toBe('x y');
    expect(trimHttpWhitespace('\u00a0x')).toBe('\u00a0x');
  });
  it.each([
    ['abc', 3], ['é', 2], ['€', 3], ['😀', 4], ['\ud800', 3],
  ])('utf8Length(%s) = %i', (s, n) => {
    expect(utf8Length(s)).toBe(n);
  });
});
