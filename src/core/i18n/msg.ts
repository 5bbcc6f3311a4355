/**
 * A sentence the core wants said, without saying it in any language: a message id of the catalogues
 * (`public/_locales/<lang>/messages.json`) and the values of its `$name$` placeholders. The surfaces
 * render it in the reader's language (see words.ts); machine fields (verdict kinds, codes, finding ids)
 * are never messages.
 */

/** A placeholder's value: text shown as is (header values, URLs, methods), a quantity, or another message. */
export type MsgValue = string | number | Msg;

export interface Msg {
  /** Catalogue id (`[A-Za-z0-9_]`, unique ignoring case as the browser requires). A plural message is
   *  stored as `<id>__one`, `<id>__other` (and `__many`…) and chosen by the `count` value. */
  readonly id: string;
  readonly values?: Readonly<Record<string, MsgValue>>;
}

/** Builds a message: `m('reason_missingAllowOrigin_summary', { origin })`. */
export function m(id: string, values?: Record<string, MsgValue>): Msg {
  return values === undefined ? { id } : { id, values };
}

/** Deepest nesting of messages a value read back may have (a renderer stops there too). */
export const MAX_NESTING = 8;

/** Whether a value read back from storage or a file has the shape of a message, nested values included (bounded depth). */
export function isMsg(value: unknown): value is Msg {
  return msgShaped(value, 0);
}

function msgShaped(value: unknown, depth: number): boolean {
  if (typeof value !== 'object' || value === null || depth > MAX_NESTING) return false;
  const v = value as { id?: unknown; values?: unknown };
  if (typeof v.id !== 'string') return false;
  if (v.values === undefined) return true;
  if (typeof v.values !== 'object' || v.values === null || Array.isArray(v.values)) return false;
  return Object.values(v.values as object).every((x) => typeof x === 'string' || typeof x === 'number' || msgShaped(x, depth + 1));
}
