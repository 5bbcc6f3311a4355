import { describe, expect, it } from 'vitest';
import { formatHeaders, parseHeaders } from '../../../../src/panel/details/header-text';
import { EN } from '../../../../src/core/i18n/catalogues';
import { PREVIEW_CHARS } from '../../../../src/ui/long-text';

describe('header text', () => {
  it('writes one "Name: value" a line and reads it back, order and duplicates kept', () => {
    const headers = [
      { name: 'Access-Control-Allow-Origin', value: 'https://app.example' },
      { name: 'Vary', value: 'Origin' },
      { name: 'Vary', value: 'Accept-Encoding' },
      { name: 'X-Empty', value: '' },
    ];
    const { text, long } = formatHeaders(headers);
    expect(text).toBe('Access-Control-Allow-Origin: https://app.example\nVary: Origin\nVary: Accept-Encoding\nX-Empty: ');
    expect(long).toEqual([]);
    expect(parseHeaders(text)).toEqual({ headers, problems: [] });
  });

  it('is lenient: skips blank lines, trims spaces, accepts CRLF and a value holding colons', () => {
    const parsed = parseHeaders('\r\n  Access-Control-Allow-Origin :  https://app.example:8443  \r\n\r\nX-Time: 12:30:00\n');
    expect(parsed).toEqual({
      headers: [{ name: 'Access-Control-Allow-Origin', value: 'https://app.example:8443' }, { name: 'X-Time', value: '12:30:00' }],
      problems: [],
    });
  });

  it.each([
    ['HTTP/1.1 200 OK', /status line: left out \(the status stays as captured\)/],
    ['Access-Control-Allow-Origin *', /no colon: write “Name: value”/],
    ['Access-Control-Allow-Origin https://app.example', /“Access-Control-Allow-Origin https” is not a header name .*A colon missing after the name\?/],
    [': https://app.example', /no header name before the colon/],
    ['Access Control Allow Origin: *', /“Access Control Allow Origin” is not a header name/],
    ['X-Bad\u0000: 1', /is not a header name/],
    ['X-Nul: a\u0000b', /NUL character/],
  ])('says why line %j is left out, with its line number', (line, message) => {
    const parsed = parseHeaders(`Vary: Origin\n${line}\nX-Ok: 1`);
    expect(parsed.headers).toEqual([{ name: 'Vary', value: 'Origin' }, { name: 'X-Ok', value: '1' }]);
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]!.line).toBe(2);
    expect(EN.t(parsed.problems[0]!.message)).toMatch(message);
  });
});

describe('long values in the header text', () => {
  const big = `${'a'.repeat(100)}${'b'.repeat(1024 * 1024)}z`;

  it('writes a long value as its start and a marker, and reads the marker back as the whole value', () => {
    const { text, long } = formatHeaders([{ name: 'Set-Cookie', value: big }, { name: 'Vary', value: 'Origin' }]);
    expect(text.length).toBeLessThan(200);
    expect(text).toMatch(/^Set-Cookie: a{80}… \[\+1,048,597 characters #1\]\nVary: Origin$/);
    expect(long).toEqual([big]);
    const parsed = parseHeaders(text, long);
    expect(parsed.problems).toEqual([]);
    expect(parsed.headers[0]!.value === big).toBe(true);
  });

  it('keeps the start as typed and the rest as received', () => {
    const { text, long } = formatHeaders([{ name: 'Set-Cookie', value: big }]);
    const parsed = parseHeaders(text.replace('Set-Cookie: aaaa', 'Set-Cookie: XY'), long);
    expect(parsed.headers[0]!.value).toBe(`XY${big.slice(4)}`);
  });

  it('leaves a value at the limit in the text', () => {
    const value = 'v'.repeat(PREVIEW_CHARS);
    expect(formatHeaders([{ name: 'X', value }]).text).toBe(`X: ${value}`);
  });

  it('refuses a marker it was not made with', () => {
    const parsed = parseHeaders('Set-Cookie: abc… [+1,000 characters #3]', []);
    expect(parsed.headers).toEqual([]);
    expect(EN.t(parsed.problems[0]!.message)).toMatch(/stands for a long value this text was not made with/);
  });
});
