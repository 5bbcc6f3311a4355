/**
 * The stored form of a verdict: one flat array of strings, numbers, booleans and nulls, its fields in
 * a fixed order, and read back into the same verdict (deeply equal, keys in the constructor's order)
 * without classifying again. Structured clone writes every key of every object again; a verdict is
 * some twenty small objects (messages inside messages, reasons, the preflight's why), so the array is
 * cheaper to clone in the worker, smaller, and cheaper to read back.
 *
 * A message is its id, then the number of its values (-1: none), then each key and value; a value that
 * is itself a message is a null followed by that message. A message that may be absent is a null.
 *   {id:'a', values:{x:'1', y:{id:'b'}}}  →  'a', 2, 'x', '1', 'y', null, 'b', -1
 * The form starts with FORM, so a stored object verdict (an older record) is told apart, and a form
 * that does not read back whole is refused (`fromStoredVerdict` returns null: a damaged record).
 */
import type { Msg, MsgValue } from '../../core/i18n/msg';
import type { CredentialsMode, PreflightWhy, Reason, StepRef, Verdict, VerdictKind } from '../../core/model/verdict';

type Cell = string | number | boolean | null | undefined;
/** A verdict as stored: FORM first, then its fields. */
export type VerdictForm = Cell[];

/** The first cell of the form (a later layout gets another number). */
const FORM = 1;

/**
 * Where forms are written before each is copied out at its length: one array of the right size per
 * verdict instead of one grown cell by cell (the worker makes a form for every exchange it stores).
 * Its cells are overwritten, never cut (cutting an array's length gives its room back).
 */
class Writer {
  readonly cells: Cell[] = [];
  n = 0;
  put(c: Cell): void { this.cells[this.n++] = c; }

  msg(msg: Msg): void {
    this.put(msg.id);
    const values = msg.values;
    if (values === undefined) {
      this.put(-1);
      return;
    }
    // The count goes before the values; its cell is filled in after them (no array of the keys).
    const at = this.n++;
    let count = 0;
    for (const k in values) {
      if (!Object.hasOwn(values, k)) continue;
      const v = values[k];
      this.put(k);
      if (typeof v === 'object' && v !== null) {
        this.put(null);
        this.msg(v);
      } else {
        this.put(v);
      }
      count++;
    }
    this.cells[at] = count;
  }
}

const writer = new Writer();

/** The flat form of a verdict (what the log stores; the verdict object stays the store's). */
export function toVerdictForm(v: Verdict): VerdictForm {
  const w = writer;
  w.n = 0;
  w.put(FORM); w.put(v.kind); w.put(v.origin); w.put(v.tainted); w.put(v.status); w.put(v.credentials.mode);
  w.msg(v.credentials.basis);
  w.msg(v.headline);
  const p = v.preflight;
  w.put(p.required); w.put(p.observed); w.put(p.cached); w.put(p.why.length);
  for (const why of p.why) {
    w.put(why.kind);
    w.put(why.subject);
    w.msg(why.text);
  }
  w.put(v.notes.length);
  for (const n of v.notes) w.msg(n);
  w.put(v.reasons.length);
  for (const r of v.reasons) {
    w.put(r.code); w.put(r.firefox); w.put(r.mdn); w.put(r.header); w.put(r.received);
    w.msg(r.expected);
    w.msg(r.summary);
    w.put(r.step.kind); w.put(r.step.kind === 'response' ? -1 : r.step.index); w.put(r.chromeMessage);
    if (r.firefoxMessage === null) w.put(null);
    else w.msg(r.firefoxMessage);
  }
  return w.cells.slice(0, w.n);
}

const damaged = (): never => { throw new TypeError('damaged verdict'); };

/** Reads a form cell by cell, checking each cell's type as it goes. */
class Reader {
  private i = 0;
  constructor(private readonly cells: readonly unknown[]) {}
  get done(): boolean { return this.i === this.cells.length; }
  any(): unknown {
    if (this.i >= this.cells.length) damaged();
    return this.cells[this.i++];
  }
  str(): string { const v = this.any(); return typeof v === 'string' ? v : damaged(); }
  num(): number { const v = this.any(); return typeof v === 'number' ? v : damaged(); }
  bool(): boolean { const v = this.any(); return typeof v === 'boolean' ? v : damaged(); }
  strOrNull(): string | null { const v = this.any(); return v === null || typeof v === 'string' ? v : damaged(); }
  /** A count of items that follow (each at least one cell): bounded by what is left. */
  count(): number {
    const n = this.num();
    return Number.isInteger(n) && n >= 0 && n <= this.cells.length - this.i ? n : damaged();
  }

  msg(id = this.str(), depth = 0): Msg {
    const n = this.num();
    if (n === -1) return { id };
    if (!Number.isInteger(n) || n < 0 || n > this.cells.length - this.i || depth > 16) return damaged();
    const values: Record<string, MsgValue> = {};
    for (let k = 0; k < n; k++) {
      const key = this.str();
      const v = this.any();
      const value = v === null ? this.msg(this.str(), depth + 1) : v as MsgValue;
      // An own key named __proto__ (as structured clone keeps it), not the object's prototype.
      if (key === '__proto__') Object.defineProperty(values, key, { value, enumerable: true, writable: true, configurable: true });
      else values[key] = value;
    }
    return { id, values };
  }

  msgOrNull(): Msg | null {
    const id = this.strOrNull();
    return id === null ? null : this.msg(id);
  }
}

function readReason(r: Reader): Reason {
  const code = r.str() as Reason['code'];
  const firefox = r.strOrNull();
  const mdn = r.strOrNull();
  const header = r.strOrNull();
  const received = r.strOrNull();
  const expected = r.msg();
  const summary = r.msg();
  const stepKind = r.str();
  const index = r.num();
  const step: StepRef = stepKind === 'response' ? { kind: 'response' }
    : stepKind === 'preflight' || stepKind === 'redirect' ? { kind: stepKind, index } : damaged();
  const chromeMessage = r.str();
  return { code, firefox, mdn, header, received, expected, summary, step, chromeMessage, firefoxMessage: r.msgOrNull() };
}

/** The verdict a form holds (a fresh object each call), or null when it is not a whole form. */
export function fromStoredVerdict(form: readonly unknown[]): Verdict | null {
  try {
    const r = new Reader(form);
    if (r.any() !== FORM) return null;
    const kind = r.str() as VerdictKind;
    const origin = r.strOrNull();
    const tainted = r.bool();
    const s = r.any();
    const status = s === null || typeof s === 'number' ? s : damaged();
    const credentials = { mode: r.str() as CredentialsMode, basis: r.msg() };
    const headline = r.msg();
    const required = r.bool();
    const observed = r.bool();
    const cached = r.bool();
    const why: PreflightWhy[] = [];
    for (let n = r.count(); n > 0; n--) {
      const whyKind = r.str() as PreflightWhy['kind'];
      const subject = r.str();
      why.push({ kind: whyKind, subject, text: r.msg() });
    }
    const notes: Msg[] = [];
    for (let n = r.count(); n > 0; n--) notes.push(r.msg());
    const reasons: Reason[] = [];
    for (let n = r.count(); n > 0; n--) reasons.push(readReason(r));
    if (!r.done) return null;
    return { kind, reasons, headline, preflight: { required, why, observed, cached }, credentials, origin, tainted, status, notes };
  } catch {
    return null;
  }
}
