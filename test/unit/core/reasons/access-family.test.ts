/**
 * The classifier skips the access family when `accessFailure` finds nothing (evaluate.ts): that is
 * only right while every access reason detects exactly one failure kind. A new access reason that
 * looks at something else fails here.
 */
import { describe, expect, it } from 'vitest';
import { ACCESS_REASONS } from '../../../../src/core/reasons';
import { accessFailure, accessInput, type AccessFailure } from '../../../../src/core/reasons/access-rules';

const ORIGIN = 'https://app.example';
const CASES: { acao: string | null; acac: string | null; credentialed: boolean }[] = [];
for (const acao of [null, '*', ORIGIN, `${ORIGIN}/`, 'null', 'a, b', 'notaurl', 'https://other.example'])
  for (const acac of [null, 'true', 'TRUE', ''])
    for (const credentialed of [false, true]) CASES.push({ acao, acac, credentialed });

describe('access family', () => {
  it('matches nothing exactly when accessFailure finds nothing, and otherwise matches that kind first', () => {
    const seenKinds = new Set<AccessFailure | null>();
    for (const c of CASES) {
      const input = accessInput({ step: { kind: 'response' }, url: `https://api.example/x`, origin: ORIGIN, status: 200, acaoLines: 1, ...c });
      const kind = accessFailure(c.acao, c.acac, ORIGIN, c.credentialed);
      seenKinds.add(kind);
      const matched = ACCESS_REASONS.filter((d) => d.detect(input) !== null).map((d) => d.code);
      expect(matched.length, JSON.stringify(c)).toBe(kind === null ? 0 : 1);
    }
    expect(seenKinds.size).toBe(7);
  });
});
