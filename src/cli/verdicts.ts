/** Counting verdicts and the exit status they give. */
import { VERDICT_KINDS } from '../core/cli-api';
import type { VerdictKind } from '../core/cli-api';

export const EXIT_OK = 0;
export const EXIT_BLOCKED = 1;
export const EXIT_UNREADABLE = 2;
/** Nothing blocked, but a finding at or above `--fail-on` (1 and 2 take precedence). */
export const EXIT_FINDINGS = 3;
export type ExitStatus = typeof EXIT_OK | typeof EXIT_BLOCKED | typeof EXIT_UNREADABLE | typeof EXIT_FINDINGS;

/** How many exchanges got each verdict kind; keys in the core's order (most severe first), zeros kept. */
export type Counts = Record<VerdictKind, number>;

export function countKinds(kinds: Iterable<VerdictKind>): Counts {
  const counts = Object.fromEntries(VERDICT_KINDS.map((k) => [k, 0])) as Counts;
  for (const k of kinds) if (Object.hasOwn(counts, k)) counts[k] += 1;
  return counts;
}

/** The exit status of a classified file: 1 when at least one request was blocked by CORS, else 3 when findings fail the run (`--fail-on`), else 0. */
export const exitStatus = (counts: Counts, findingsFail = false): ExitStatus =>
  counts.blocked > 0 ? EXIT_BLOCKED : findingsFail ? EXIT_FINDINGS : EXIT_OK;
