/**
 * The classifier skips the access family when `accessFailure` finds nothing (evaluate.ts), and the preflight's
 * access family likewise (preflight/check.ts): that is only right while every access reason detects exactly one
 * failure kind. A new access reason that looks at something else fails here.
 */
import { describe, expect, it } from 'vitest';
import { ACCESS_REASONS, PREFLIGHT_ACCESS_REASONS } from '../../../../src/core/reasons';
import type { PreflightInput } from '../../../../src/core/reasons/preflight-rules';
import { tokenListOf } from '../../../../src/core/http/tokens';
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

  it("the preflight's family too: nothing when its access check finds nothing, else that kind alone", () => {
    for (const c of CASES) {
      const step = { kind: 'preflight', index: 0 } as const;
      const access = accessInput({ step, url: `https://api.example/x`, origin: ORIGIN, status: 204, acaoLines: 1, ...c });
      const input: PreflightInput = {
        step, url: access.url, origin: ORIGIN, credentialed: c.credentialed, status: 204, location: null, access,
        acam: null, acah: null, methods: tokenListOf(null), headers: tokenListOf(null), method: 'PUT', unsafeHeaders: [],
      };
      const matched = PREFLIGHT_ACCESS_REASONS.filter((d) => d.detect(input) !== null).map((d) => d.code);
      expect(matched.length, JSON.stringify(c)).toBe(access.failure === null ? 0 : 1);
    }
  });
});
