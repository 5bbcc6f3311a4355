/** A compact way to write a case: `kase(id, group, title, does, action, expect)`. */
import type { Action, Expect, LabCase } from '../case-types';

export function kase(id: string, group: string, title: string, does: string, action: Action, expect: Expect): LabCase {
  return { id, group, title, does, action, expect };
}

export const SIMPLE: Expect = { kind: 'simple', preflight: 'none' };
export const PREFLIGHTED: Expect = { kind: 'preflighted', preflight: 'sent' };
export const blocked = (code: Expect['code'], preflight: Expect['preflight'] = 'none'): Expect => ({ kind: 'blocked', code, preflight });

/** A custom request header that is not CORS-safelisted. */
export const TRACE: [string, string] = ['X-Lab-Trace', 'lab'];
