/**
 * The proof of `cors-lens check`: for every lab case a request from Node can reproduce, check, asking the lab's
 * real server over real sockets with the options the case's action implies, gives the verdict kind and the
 * Chromium error code the case expects, which test/e2e/lab-ground-truth.test.ts proves equal to what Chromium
 * itself decides for that request. Whether a preflight went out agrees with Chromium's too, and so do the
 * findings of a case whose findings one exchange shows. Cases left out are
 * listed with their reason (lab-cases.ts), and the list is pinned so a new case is either checked or excused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../../../../lab/server';
import { buildCases, type LabCase, type LabOrigins } from '../../../../lab/cases';
import { cli } from '../harness';
import { reproduceCase } from './lab-cases';

/** Stand-in origins: the case list's ids and shapes (the real URLs come from the running lab). */
const NAMED: LabOrigins = { page: 'http://page.invalid', api: 'http://api.invalid', third: 'http://third.invalid', closed: 'http://closed.invalid' };
const ALL = buildCases(NAMED);
const checked = ALL.filter((c) => !('excluded' in reproduceCase(c, NAMED.page)));
const excluded = ALL.filter((c) => 'excluded' in reproduceCase(c, NAMED.page));

interface CheckJson {
  verdict: string;
  code: string | null;
  findings: { id: string }[];
  exchange: { preflights: unknown[] };
}

let lab: Lab;
let cases: Map<string, LabCase>;
beforeAll(async () => {
  lab = await startLab();
  cases = new Map(buildCases(lab.origins).map((c) => [c.id, c]));
});
afterAll(() => lab.close());

describe('cors-lens check on every lab case Node can reproduce', { timeout: 30_000 }, () => {
  it('checks all but the cases that need a browser, each left out for a reason', () => {
    expect(checked.length).toBeGreaterThan(90);
    expect(Object.fromEntries(excluded.map((c) => [c.id, (reproduceCase(c, NAMED.page) as { excluded: string }).excluded.split(':')[0]]))).toEqual({
      'no-cors-fetch': "a no-cors request (fetch mode 'no-cors', or an element without crossorigin)",
      'no-cors-img': "a no-cors request (fetch mode 'no-cors', or an element without crossorigin)",
      'preflight-cache-2': "its preflight is served from Chromium's preflight cache",
      'finding-echo-without-vary-cached': "its answer comes from Chromium's HTTP cache",
      'finding-echo-vary-cached-clean': "its answer comes from Chromium's HTTP cache",
      'finding-preflight-cached-clean': "its preflight is served from Chromium's preflight cache",
    });
  });

  it.each(checked.map((c) => [c.id, c.expect.kind, c.expect.code ?? null] as const))('%s: %s %s', async (id) => {
    const c = cases.get(id)!;
    const plan = reproduceCase(c, lab.origins.page);
    if ('excluded' in plan) throw new Error(`${id} is excluded with real origins: ${plan.excluded}`);
    for (const args of plan.prepare) await cli(['check', ...args, '--json']);
    const r = await cli(['check', ...plan.subject, '--json']);
    const out = JSON.parse(r.stdout) as CheckJson;
    expect({ verdict: out.verdict, code: out.code }).toEqual({ verdict: c.expect.kind, code: c.expect.code ?? null });
    expect(out.exchange.preflights.length > 0).toBe(c.expect.preflight === 'sent');
    expect(r.code).toBe(c.expect.kind === 'blocked' ? 1 : c.expect.kind === 'network-error' ? 2 : 0);
    // A finding one exchange shows (the others need the preparation's exchanges too, which check does not keep).
    if (c.findings !== undefined && c.prepare === undefined) expect(out.findings.map((f) => f.id).sort()).toEqual([...c.findings].sort());
  });
});
