/**
 * The classifier runs the request checks (DisallowedByMode, CorsDisabledScheme) only where `requestChecksApply`
 * says one could fail (evaluate.ts). That is right only while no check fails anywhere else: a new request check,
 * or a check that looks at something more, fails here until `requestChecksApply` learns it.
 */
import { describe, expect, it } from 'vitest';
import { REQUEST_REASONS } from '../../../../src/core/reasons';
import { requestChecksApply, type RequestInput } from '../../../../src/core/reasons/request-rules';
import type { RequestMode } from '../../../../src/core/classify/mode';

const MODES: RequestMode[] = ['cors', 'no-cors', 'same-origin', 'navigate', 'websocket'];
const SCHEMES = ['http', 'https', 'data', 'chrome-extension', 'ftp', 'file', 'blob', 'ws', 'HTTP', ''];

describe('request family', () => {
  it('fails no step that requestChecksApply leaves out, and each check fails some step it keeps', () => {
    const failing = new Set<string>();
    for (const mode of MODES) for (const scheme of SCHEMES) for (const crossOrigin of [false, true]) for (const corsFlag of [false, true]) {
      const input: RequestInput = { step: { kind: 'response' }, url: `${scheme}://api.example/x`, origin: 'https://app.example', credentialed: false, mode, corsFlag, crossOrigin, scheme };
      const matched = REQUEST_REASONS.filter((d) => d.detect(input) !== null).map((d) => d.code);
      if (!requestChecksApply(mode, corsFlag, scheme)) expect(matched, JSON.stringify({ mode, scheme, crossOrigin, corsFlag })).toEqual([]);
      for (const code of matched) failing.add(code);
    }
    expect([...failing].sort()).toEqual(REQUEST_REASONS.map((d) => d.code).sort());
  });
});
