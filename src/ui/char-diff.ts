/**
 * Character diff between what a server sent and what the browser needed, so a trailing slash, an
 * upper-case letter or a stray space stands out. Linear and bounded whatever the lengths: the common
 * prefix and suffix are found in O(min(n, m)), and an LCS runs only on a differing middle of at most
 * MAX_LCS characters a side (MAX_LCS² cells); a longer middle is marked changed as a whole (still exact
 * about where the values start and stop differing). Showing the parts goes through `clipParts`, so a
 * 1 MB value never reaches the page whole.
 */
import { PREVIEW_CHARS } from './long-text';

export type DiffPart = { text: string; changed: boolean };

interface CharDiff {
  /** The received value, with characters the needed value lacks marked `changed`. */
  received: DiffPart[];
  /** The needed value, with characters the received value lacks marked `changed`. */
  needed: DiffPart[];
}

const MAX_LCS = 400;

function push(parts: DiffPart[], text: string, changed: boolean): void {
  if (text === '') return;
  const last = parts[parts.length - 1];
  if (last && last.changed === changed) last.text += text;
  else parts.push({ text, changed });
}

export function charDiff(received: string, needed: string): CharDiff {
  let pre = 0;
  const max = Math.min(received.length, needed.length);
  while (pre < max && received[pre] === needed[pre]) pre++;
  let suf = 0;
  while (suf < max - pre && received[received.length - 1 - suf] === needed[needed.length - 1 - suf]) suf++;
  const a = received.slice(pre, received.length - suf);
  const b = needed.slice(pre, needed.length - suf);
  const outA: DiffPart[] = [];
  const outB: DiffPart[] = [];
  push(outA, received.slice(0, pre), false);
  push(outB, needed.slice(0, pre), false);
  if (a.length > MAX_LCS || b.length > MAX_LCS) {
    push(outA, a, true);
    push(outB, b, true);
  } else {
    middle(a, b, outA, outB);
  }
  push(outA, received.slice(received.length - suf), false);
  push(outB, needed.slice(needed.length - suf), false);
  return { received: outA, needed: outB };
}

function middle(a: string, b: string, outA: DiffPart[], outB: DiffPart[]): void {
  const n = a.length;
  const m = b.length;
  // lcs[i][j] = LCS length of a[i..] and b[j..], flattened.
  const w = m + 1;
  const lcs = new Uint16Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * w + j] = a[i] === b[j] ? lcs[(i + 1) * w + j + 1]! + 1 : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      push(outA, a[i]!, false);
      push(outB, b[j]!, false);
      i++;
      j++;
    } else if (lcs[(i + 1) * w + j]! >= lcs[i * w + j + 1]!) {
      push(outA, a[i]!, true);
      i++;
    } else {
      push(outB, b[j]!, true);
      j++;
    }
  }
  push(outA, a.slice(i), true);
  push(outB, b.slice(j), true);
}

/** The first `limit` characters of a diff side, parts kept; `cut` when the value goes on. */
export function clipParts(parts: readonly DiffPart[], limit = PREVIEW_CHARS): { parts: DiffPart[]; cut: boolean } {
  const out: DiffPart[] = [];
  let left = limit;
  for (const p of parts) {
    if (left <= 0) return { parts: out, cut: true };
    if (p.text.length <= left) {
      out.push(p);
      left -= p.text.length;
    } else {
      out.push({ text: p.text.slice(0, left), changed: p.changed });
      return { parts: out, cut: true };
    }
  }
  return { parts: out, cut: false };
}

/** Makes invisible differences visible: spaces at the edges and control characters. */
export function visible(text: string): string {
  let out = '';
  for (const c of text) {
    const code = c.charCodeAt(0);
    out += code < 0x20 || code === 0x7f ? `\\x${code.toString(16).padStart(2, '0')}` : c;
  }
  return out;
}
