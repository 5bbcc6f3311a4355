import { describe, expect, it } from 'vitest';
import { charDiff, visible } from '../../../src/ui/char-diff';

const changed = (parts: { text: string; changed: boolean }[]) => parts.filter((p) => p.changed).map((p) => p.text);

describe('charDiff', () => {
  it('marks a trailing slash as the only extra character', () => {
    const d = charDiff('https://app.example/', 'https://app.example');
    expect(changed(d.received)).toEqual(['/']);
    expect(changed(d.needed)).toEqual([]);
    expect(d.received.map((p) => p.text).join('')).toBe('https://app.example/');
  });

  it('marks upper-cased letters on both sides', () => {
    const d = charDiff('https://APP.example', 'https://app.example');
    expect(changed(d.received)).toEqual(['APP']);
    expect(changed(d.needed)).toEqual(['app']);
  });

  it('marks a missing scheme letter and an explicit port', () => {
    const d = charDiff('http://app.example:443', 'https://app.example');
    expect(changed(d.needed)).toEqual(['s']);
    expect(changed(d.received)).toEqual([':443']);
  });

  it('finds nothing to mark in equal values', () => {
    const d = charDiff('true', 'true');
    expect(changed(d.received)).toEqual([]);
    expect(changed(d.needed)).toEqual([]);
  });

  it('falls back to a prefix/suffix split for very long values and keeps every character', () => {
    const a = `x${'a'.repeat(2000)}y`;
    const b = `x${'b'.repeat(1500)}y`;
    const d = charDiff(a, b);
    expect(d.received.map((p) => p.text).join('')).toBe(a);
    expect(d.needed.map((p) => p.text).join('')).toBe(b);
    expect(changed(d.received)).toEqual(['a'.repeat(2000)]);
  });

  it('shows control characters instead of hiding them', () => {
    expect(visible('a\tb\u0000')).toBe('a\\x09b\\x00');
  });
});
