/**
 * Issue 11: the worker's own sentences (in-flight, interrupted and internal-error verdicts) are messages,
 * rendered by the pages in their language; the English is what it always was. Storage keeps no sentence
 * (a verdict is recomputed when rehydrating), so a stored log reads the same in either language, and a
 * verdict crosses the messaging boundary (JSON) as a message.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/core/classify/classify';
import { CATALOGUES, EN, wordsFor } from '../../../src/core/i18n/catalogues';
import { isMsg } from '../../../src/core/i18n/msg';
import type { Verdict } from '../../../src/core/model/verdict';
import { inFlightVerdict, safeClassify } from '../../../src/background/correlate/verdicts';
import { API, APP, harness, restarted, TAB } from './harness';
import { readRepoFile, repoFiles } from '../conventions/repo-files';
import { hasId, literalIds } from '../conventions/catalogue-checks';
import { exchange } from '../../support/builder';

const FR = wordsFor('fr');
const url = `${API}/items`;
const origin: [string, string] = ['Origin', APP];
const cors: [string, string] = ['Sec-Fetch-Mode', 'cors'];
const acao: [string, string] = ['Access-Control-Allow-Origin', APP];
const LOST = "The browser stopped CORS Lens's background worker while this request was in flight, and the events it fired meanwhile were lost: how it ended was not seen.";

/** Every sentence of a verdict is a message, and survives JSON (storage, messaging) unchanged. */
function expectMessages(v: Verdict): void {
  expect(isMsg(v.headline)).toBe(true);
  expect(isMsg(v.credentials.basis)).toBe(true);
  for (const n of v.notes) expect(isMsg(n)).toBe(true);
  const back = JSON.parse(JSON.stringify(v)) as Verdict;
  expect(back).toEqual(v);
  expect(FR.t(back.headline)).toBe(FR.t(v.headline));
}

async function restartedAndSettled(events: (h: ReturnType<typeof harness>) => void) {
  const second = await restarted(events);
  second.timers.runAll();
  await second.session.settle();
  return second;
}

describe("the worker's sentences", () => {
  it('every id the worker names exists in English and French', () => {
    const ids = repoFiles().filter((p) => p.startsWith('src/background/') && p.endsWith('.ts')).flatMap((p) => literalIds(readRepoFile(p), p));
    expect(ids.length).toBeGreaterThanOrEqual(8);
    for (const id of ids) {
      expect(EN.has(id), id).toBe(true);
      expect(hasId(CATALOGUES.fr, id), id).toBe(true); // French's own, not the English fallback
    }
  });

  it('in flight: the same English as before, and French', () => {
    const v = inFlightVerdict({ ...exchange().build(), outcome: { state: 'pending' } });
    expectMessages(v);
    expect(EN.t(v.headline)).toBe('In flight: waiting for the browser to finish this request');
    expect(EN.t(v.credentials.basis)).toBe('not judged yet');
    expect(FR.t(v.headline)).toBe('En cours\u00a0: en attente de la fin de cette requête dans le navigateur');
  });

  it('a classifier that throws: an internal-error verdict naming the error, in both languages', () => {
    const v = safeClassify(() => { throw new Error('boom'); }, exchange().build());
    expectMessages(v);
    expect(EN.t(v.headline)).toBe('CORS Lens could not judge this exchange (internal error)');
    expect(v.notes.map(EN.t)).toEqual(['The classifier failed: boom. Please report this with an exported HAR.']);
    expect(v.notes.map(FR.t)).toEqual(['Le classificateur a échoué\u00a0: boom. Merci de le signaler avec un HAR exporté.']);
  });

  it('interrupted and undecided: headline and notes in English as before, and in French', async () => {
    const h = await restartedAndSettled((first) => first.t.request('1', url).sent('1', url, [origin, cors]));
    const v = h.entry('1').verdict;
    expect(v.kind).toBe('inconclusive');
    expectMessages(v);
    expect(EN.t(v.headline)).toBe("Interrupted: how this request ended was lost while the browser restarted CORS Lens's worker");
    expect(v.notes.map(EN.t)).toEqual([LOST, 'What was seen (below) does not decide it. If the request is still running, this entry updates when it ends.']);
    expect(FR.t(v.headline)).toMatch(/^Interrompue\u00a0: la fin de cette requête a été perdue/);
    expect(FR.t(v.notes[0]!)).toContain('service worker de CORS Lens');
  });

  it('interrupted but judged from the headers seen: the note says which way, in both languages', async () => {
    const h = await restartedAndSettled((first) => {
      first.t.request('1', url).sent('1', url, [origin, cors]).received('1', url, 200, []);
      first.t.request('2', `${url}/2`).sent('2', `${url}/2`, [origin, cors]).received('2', `${url}/2`, 200, [acao]);
    });
    const blocked = h.entry('1').verdict;
    const passed = h.entry('2').verdict;
    expect([blocked.kind, passed.kind]).toEqual(['blocked', 'simple']);
    expectMessages(blocked);
    expectMessages(passed);
    expect(EN.t(blocked.notes.at(-1)!)).toBe(`${LOST} The verdict follows from the headers that were seen, which the browser always refuses.`);
    expect(EN.t(passed.notes.at(-1)!)).toBe(`${LOST} The verdict follows from the response headers that were seen, which pass every check.`);
    expect(FR.t(blocked.notes.at(-1)!)).toMatch(/Le verdict découle des en-têtes observés, que le navigateur refuse toujours\.$/);
    expect(FR.t(passed.notes.at(-1)!)).toMatch(/qui passent toutes les vérifications\.$/);
  });

  it('storage keeps no sentence: a rehydrated log has message verdicts that read in either language', async () => {
    const first = harness({ classify });
    await first.session.start();
    first.t.request('1', url).sent('1', url, [origin, cors]).received('1', url, 200, []).failed('1', url, 'net::ERR_FAILED');
    await first.session.settle();
    const before = first.entry('1').verdict;
    expect(before.kind).toBe('blocked');
    const stored = JSON.stringify([...first.log.records.values()]);
    expect(stored).toContain('"headline":{"id":');
    expect(stored).not.toContain(EN.t(before.headline));

    const second = harness({ classify, area: first.area, log: first.log });
    await second.session.start();
    const after = second.entry('1').verdict;
    expectMessages(after);
    expect(after).toEqual(before);
    expect(EN.t(after.reasons[0]!.summary)).toBe(EN.t(before.reasons[0]!.summary));
    expect(FR.t(after.headline)).not.toBe(EN.t(after.headline));
    expect(second.session.store.summary(TAB).counts.blocked).toBe(1);
  });
});
