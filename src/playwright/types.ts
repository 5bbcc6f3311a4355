/**
 * What the helper hands a test: plain data, sentences already said in one language. The shapes are declared
 * once, in public.d.ts (the package's types, standalone so that the package needs no type package). Only the
 * verdict differs inside: it carries the core's full exchange record, of which the declared `Exchange` lists the
 * fields a user reads (test/unit/playwright/public-sync.ts checks the one fits the other).
 */
import type { Exchange } from '../core/model/exchange';
import type { CorsVerdict as DeclaredVerdict } from './public';

export type { AttachOptions, CorsFix, CorsLens, JudgeOptions, Step, WaitOptions } from './public';

/** One request of the page, as the judge makes it: the declared verdict with the core's exchange record. */
export interface CorsVerdict extends Omit<DeclaredVerdict, 'exchange'> {
  /** The exchange as recorded, with every raw header of every step. */
  exchange: Exchange;
}
