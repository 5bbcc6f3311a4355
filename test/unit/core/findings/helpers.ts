/** Builds log entries for the findings tests: exchanges from the shared builder, verdicts from the real classifier. */
import { classify } from '../../../../src/core/classify/classify';
import type { Exchange } from '../../../../src/core/model/exchange';
import { findingsOf } from '../../../../src/core/findings';
import { EN } from '../../../../src/core/i18n/catalogues';
import type { Msg } from '../../../../src/core/i18n/msg';
import type { Finding, FindingEntry, FindingId, FindingOptions } from '../../../../src/core/findings';

export { exchange } from '../../../support/builder';

export const APP = 'https://app.example.com';
export const API = 'https://api.example.com';

export function entry(ex: Exchange): FindingEntry {
  return { exchange: ex, verdict: classify(ex) };
}

export function run(list: Exchange[], options?: FindingOptions): Finding[] {
  return findingsOf(list.map(entry), options);
}

export function only(list: Exchange[], id: FindingId, options?: FindingOptions): Finding[] {
  return run(list, options).filter((f) => f.id === id);
}

/** A finding's message in English (the words the tests compare), undefined when absent. */
export function en(msg: Msg | undefined): string | undefined {
  return msg === undefined ? undefined : EN.t(msg);
}
