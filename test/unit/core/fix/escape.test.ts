import { describe, expect, it } from 'vitest';
import * as esc from '../../../../src/core/fix/escape';

const HOSTILE = [
  'https://app.example',
  'https://a.example"; process.exit(1); "',
  "https://a.example'); DROP TABLE x; --",
  'https://a.example\n}\nevil();\n{',
  'https://a.example\r\nSet-Cookie: x=1',
  'back\\slash\\',
  'ends with backslash\\',
  '`whoami` $(id) ${HOME} #{system("id")} %{ENV} {$VAR} {http.request.host}',
  'tab\there nul\u0000 bell\u0007 del\u007f',
  'line\u2028sep\u2029para\u0085nel',
  'bidi \u202eevil\u202c \u2066x\u2069 zw\u200bsp \ufeffbom',
  'unicode ✓ ünïcödé 日本 😀',
  '',
];

/** Decode a double-quoted C-family literal; throws when the literal is not closed exactly at its end. */
function decodeC(literal: string, extra: Record<string, string> = {}): string {
  expect(literal.startsWith('"') && literal.endsWith('"')).toBe(true);
  let out = '';
  for (let i = 1; i < literal.length - 1; i++) {
    const c = literal[i]!;
    if (c === '"') throw new Error(`unescaped quote at ${i} in ${literal}`);
    if (c === '\n' || c === '\r') throw new Error('raw line break');
    if (c !== '\\') { out += c; continue; }
    const n = literal[++i]!;
    if (n === 'u') { out += String.fromCharCode(parseInt(literal.slice(i + 1, i + 5), 16)); i += 4; continue; }
    const simple: Record<string, string> = { '\\': '\\', '"': '"', n: '\n', r: '\r', t: '\t', ...extra };
    if (!(n in simple)) throw new Error(`unknown escape \\${n}`);
    out += simple[n];
  }
  return out;
}

/** Characters that must never appear raw: line terminators of any of our languages, controls, bidi. */
// eslint-disable-next-line no-control-regex -- the point of the test
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200b\ufeff]/;

describe.each([
  ['jsString', esc.jsString],
  ['javaString', esc.javaString],
  ['csString', esc.csString],
  ['goString', esc.goString],
  ['pyString', esc.pyString],
])('%s', (_name, quote) => {
  it.each(HOSTILE)('round-trips %j and stays one literal', (value) => {
    const lit = quote(value);
    expect(lit).not.toMatch(INVISIBLE);
    expect(decodeC(lit)).toBe(value);
  });
});

describe('jsString is valid JSON', () => {
  it.each(HOSTILE)('%j', (value) => {
    expect(JSON.parse(esc.jsString(value))).toBe(value);
  });
});

describe('rubyString', () => {
  it.each(HOSTILE)('round-trips %j and never interpolates', (value) => {
    const lit = esc.rubyString(value);
    expect(lit).not.toMatch(INVISIBLE);
    expect(lit).not.toMatch(/(^|[^\\])#/);
    expect(decodeC(lit, { '#': '#' })).toBe(value);
  });
});

describe.each([
  ['nginxString', esc.nginxString, /[$]/],
  ['apacheString', esc.apacheString, /[$\\]/],
  ['caddyString', esc.caddyString, /[{}\\]/],
])('%s', (name, quote, forbidden) => {
  it.each(HOSTILE)('keeps %j inside one quoted token', (value) => {
    const lit = quote(value);
    const inner = lit.slice(1, -1);
    expect(lit.startsWith('"') && lit.endsWith('"')).toBe(true);
    expect(inner).not.toMatch(INVISIBLE);
    expect(inner).not.toMatch(forbidden);
    // the only quotes left inside are escaped ones (nginx) or none at all
    expect(inner.replace(/\\\\/g, '').replace(/\\"/g, '')).not.toContain('"');
    if (name !== 'nginxString') expect(inner).not.toContain('"');
    if (name === 'apacheString') expect(inner.replace(/%%/g, '')).not.toContain('%');
  });

  it('leaves a real origin untouched', () => {
    expect(quote('https://app.example:8443')).toBe('"https://app.example:8443"');
    expect(quote('null')).toBe('"null"');
  });
});

describe('commentText', () => {
  it.each(HOSTILE)('%j has no line terminator or comment closer', (value) => {
    const text = esc.commentText(value);
    expect(text).not.toMatch(INVISIBLE);
    expect(text).not.toContain('*/');
    expect(text).not.toContain('-->');
  });
});
