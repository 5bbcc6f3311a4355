import { m } from '../i18n/msg';
import { cut, MAX_PROSE } from '../fix/bounds';
import { hasUserinfo, isSameOrigin, stripUserinfo } from '../http/origin';
import type { StepRef } from '../model/verdict';
import { quoted, warn } from './texts';
import type { Evidence, ReasonDef } from './types';

export interface RedirectInput {
  step: StepRef;
  url: string;
  location: string;
  origin: string;
  credentialed: boolean;
  corsMode: boolean;
  corsFlag: boolean;
  tainted: boolean;
  status: number | null;
}

/** A redirect Location with `user:password@` on a CORS request (Chromium `CheckRedirectLocation`). */
export const redirectContainsCredentials: ReasonDef<RedirectInput> = {
  code: 'RedirectContainsCredentials',
  family: 'redirect',
  header: 'Location',
  mdnSlug: null,
  mdnAbsence: m('reason_RedirectContainsCredentials_mdn_absence'),
  firefoxKeys: [],
  firefoxAbsence: m('reason_RedirectContainsCredentials_firefox_absence'),
  label: m('reason_RedirectContainsCredentials_label'),
  notes: (r) => [warn(r.received
    ? m('reason_RedirectContainsCredentials_note', { location: quoted(r.received), stripped: quoted(stripUserinfo(cut(r.received, 4 * MAX_PROSE))) })
    : m('reason_RedirectContainsCredentials_note_unseen'))],
  // A redirect's status is the redirect itself: the reason already names it.
  statusNote: () => null,
  detect: (i) => {
    if (!i.corsMode || !hasUserinfo(i.location)) return null;
    const applies = i.corsFlag || i.tainted || !isSameOrigin(i.origin, i.location);
    if (!applies) return null;
    const e: Evidence = { step: i.step, url: i.url, origin: i.origin, credentialed: i.credentialed, received: i.location, param: i.location, status: i.status };
    return e;
  },
  short: () => m('reason_RedirectContainsCredentials_short'),
  summary: (e) => m('reason_RedirectContainsCredentials_summary', { location: stripUserinfo(e.received ?? '') }),
  expected: () => m('reason_RedirectContainsCredentials_expected'),
  chrome: (e) => `Redirect location '${e.received ?? ''}' contains a username and password, which is disallowed for cross-origin requests.`,
  firefox: () => null,
};
