/** Counting verdicts and the exit status they give. */
import { VERDICT_KINDS } from '../core/cli-api';
import type { VerdictKind } from '../core/cli-api';

export const EXIT_OK = 0;
export const EXIT_BLOCKED = 1;
export const EXIT_UNREADABLE = 2;
export type ExitStatus = typeof EXIT_OK | typeof EXIT_BLOCKED | typeof EXIT_UNREADABLE;

/** How many exchanges got each verdict kind; keys in the core's order (most severe first), zeros kept. */
export type Counts = Record<VerdictKind, number>;

export function countKinds(kinds: Iterable<VerdictKind>): Counts {
  const counts = Object.fromEntries(VERDICT_KINDS.map((k) => [k, 0])) as Counts;
  for (const k of kinds) if (Object.hasOwn(counts, k)) counts[k] += 1;
  return counts;
}

/** The exit status of a classified file: 1 when at least one request was blocked by CORS, else 0. */
export const exitStatus = (counts: Counts): ExitStatus => (counts.blocked > 0 ? EXIT_BLOCKED : EXIT_OK);
