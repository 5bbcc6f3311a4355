/**
 * The reasons' words in both catalogues: Firefox's French console line verbatim (Mozilla's French
 * localisation, copied here from the shared reference so the repo does not depend on it), every message a
 * reason can produce present in English and French with the same placeholders, and French renderings
 * that read right (glossary terms, typography).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CATALOGUES, EN, wordsFor } from '../../../../src/core/i18n/catalogues';
import { isMsg, type Msg } from '../../../../src/core/i18n/msg';
import { classify } from '../../../../src/core/classify/classify';
import { buildSpec } from '../../../../src/core/fix/spec';
import type { Exchange } from '../../../../src/core/model/exchange';
import type { Reason } from '../../../../src/core/model/verdict';
import { REASONS, reasonDef, toReason, type AnyReasonDef, type Evidence } from '../../../../src/core/reasons';
import { LNA_NOTE } from '../../../../src/core/reasons/network-rules';

const FR = wordsFor('fr');
const root = fileURLToPath(new URL('../../../../', import.meta.url));
const NBSP = '\u00a0';

/** What French Firefox prints for each key a reason produces (%1$S: the URL; %2$S: the status or the value). */
const FIREFOX_FR: Record<string, string> = {
  CORSRequestNotHttp:
    'Blocage d’une requête multiorigine (Cross-Origin Request) : la politique « Same Origin » ne permet pas de consulter la ressource distante située sur %1$S. Raison : la requête CORS n’utilise pas HTTP.',
  CORSMissingAllowOrigin2:
    'Blocage d’une requête multiorigines (Cross-Origin Request) : la politique « Same Origin » ne permet pas de consulter la ressource distante située sur %1$S. Raison : l’en-tête CORS « Access-Control-Allow-Origin » est manquant. Code d’état : %2$S.',
  CORSAllowOriginNotMatchingOrigin:
    'Blocage d’une requête multiorigine (Cross-Origin Request) : la politique « Same Origin » ne permet pas de consulter la ressource distante située sur %1$S. Raison : l’en-tête CORS « Access-Control-Allow-Origin » ne correspond pas à « %2$S ».',
  CORSMultipleAllowOriginNotAllowed:
    'Blocage d’une requête multiorigine (Cross-Origin Request) : la politique « Same Origin » ne permet pas de consulter la ressource distante située sur %1$S. Raison : le recours à plusieurs en-têtes CORS « Access-Control-Allow-Origin » n’est pas autorisé.',
  CORSNotSupportingCredentials:
    'Blocage d’une requête multiorigine (Cross-Origin Request) : la politique « Same Origin » ne permet pas de consulter la ressource distante située sur %1$S. Raison : l’identification n’est pas prise en charge si la valeur de l’en-tête CORS « Access-Control-Allow-Origin » est « * ».',
  CORSMethodNotFound:
    'Blocage d’une requête multiorigine (Cross-Origin Request) : la politique « Same Origin » ne permet pas de consulter la ressource distante située sur %1$S. Raison : méthode manquante dans l’en-tête « Access-Control-Allow-Methods ».',
  CORSMissingAllowCredentials:
    'Blocage d’une requête multiorigine (Cross-Origin Request) : la politique « Same Origin » ne permet pas de consulter la ressource distante située sur %1$S. Raison : « true » attendu dans l’en-tête CORS « Access-Control-Allow-Credentials ».',
  CORSPreflightDidNotSucceed3:
    'Blocage d’une requête multiorigine (Cross-Origin Request) : la politique « Same Origin » ne permet pas de consulter la ressource distante située sur %1$S. Raison : échec de la réponse de pré-vérification des requêtes CORS. Code d’état : %2$S.',
  CORSInvalidAllowMethod:
    'Blocage d’une requête multiorigine (Cross-Origin Request) : la politique « Same Origin » ne permet pas de consulter la ressource distante située sur %1$S. Raison : jeton « %2$S » invalide dans l’en-tête CORS « Access-Control-Allow-Methods ».',
  CORSInvalidAllowHeader:
    'Blocage d’une requête multiorigine (Cross-Origin Request) : la politique « Same Origin » ne permet pas de consulter la ressource distante située sur %1$S. Raison : jeton « %2$S » invalide dans l’en-tête CORS « Access-Control-Allow-Headers ».',
  CORSMissingAllowHeaderFromPreflight2:
    'Blocage d’une requête multiorigine (Cross-Origin Request) : la politique « Same Origin » ne permet pas de consulter la ressource distante située sur %1$S. Raison : l’en-tête « %2$S » n’est pas autorisé d’après l’en-tête « Access-Control-Allow-Headers » de la réponse de pré-vérification des requêtes CORS.',
  CORSExternalRedirectNotAllowed:
    'Blocage d’une requête multiorigine (Cross-Origin Request) : la politique « Same Origin » ne permet pas de consulter la ressource distante située sur %1$S. Raison : la redirection externe de requêtes CORS n’est pas autorisée.',
};

const URL_ = 'https://api.example/v1/items?id=7';
const ORIGIN = 'https://app.example';

function ev(over: Partial<Evidence> = {}): Evidence {
  return { step: { kind: 'response' }, url: URL_, origin: ORIGIN, credentialed: false, received: null, param: '', status: 200, ...over };
}
const def = (code: string): AnyReasonDef => reasonDef(code)!;

/** For each Firefox key, a reason and evidence that produce it, and the reference line's %2$S. */
const PRODUCERS: [key: string, code: string, e: Evidence, second: string | null][] = [
  ['CORSRequestNotHttp', 'CorsDisabledScheme', ev({ param: 'file', status: null }), null],
  ['CORSMissingAllowOrigin2', 'MissingAllowOriginHeader', ev({ status: 404 }), '404'],
  ['CORSAllowOriginNotMatchingOrigin', 'AllowOriginMismatch', ev({ received: 'https://other.example' }), 'https://other.example'],
  ['CORSMultipleAllowOriginNotAllowed', 'MultipleAllowOriginValues', ev({ received: `${ORIGIN}, ${ORIGIN}`, detail: '2' }), null],
  ['CORSNotSupportingCredentials', 'WildcardOriginNotAllowed', ev({ received: '*', credentialed: true }), null],
  ['CORSMethodNotFound', 'MethodDisallowedByPreflightResponse', ev({ step: { kind: 'preflight', index: 0 }, received: 'GET, POST', param: 'PUT' }), null],
  ['CORSMissingAllowCredentials', 'InvalidAllowCredentials', ev({ credentialed: true, received: 'false' }), null],
  ['CORSPreflightDidNotSucceed3', 'PreflightInvalidStatus', ev({ step: { kind: 'preflight', index: 0 }, status: 401, param: '401' }), '401'],
  ['CORSInvalidAllowMethod', 'InvalidAllowMethodsPreflightResponse', ev({ step: { kind: 'preflight', index: 0 }, received: 'GET;', param: 'GET;' }), 'GET;'],
  ['CORSInvalidAllowHeader', 'InvalidAllowHeadersPreflightResponse', ev({ step: { kind: 'preflight', index: 0 }, received: 'x-a b', param: 'x-a b' }), 'x-a b'],
  ['CORSMissingAllowHeaderFromPreflight2', 'HeaderDisallowedByPreflightResponse', ev({ step: { kind: 'preflight', index: 0 }, received: 'x-a', param: 'x-trace' }), 'x-trace'],
  ['CORSExternalRedirectNotAllowed', 'PreflightDisallowedRedirect', ev({ step: { kind: 'preflight', index: 0 }, status: 301, param: '301', received: 'https://api.example/v1/items/' }), null],
];

describe("Firefox's console line", () => {
  it('every key a reason can produce has a producer here', () => {
    expect(PRODUCERS.map(([key]) => key).sort()).toEqual([...new Set(REASONS.flatMap((r) => r.firefoxKeys))].sort());
  });

  it.each(PRODUCERS)('%s: in French, the line French Firefox prints, byte for byte', (key, code, e, second) => {
    const ff = def(code).firefox(e)!;
    expect(ff.key).toBe(key);
    let line = FIREFOX_FR[key]!.replace('%1$S', URL_);
    if (second !== null) line = line.replace('%2$S', second);
    expect(line).not.toMatch(/%\d\$S/);
    expect(FR.t(ff.message)).toBe(line);
  });

  it.each(PRODUCERS)('%s: in English, the line English Firefox prints', (key, code, e) => {
    const text = EN.t(def(code).firefox(e)!.message);
    expect(text.startsWith(`Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at ${URL_}. (Reason: `)).toBe(true);
    expect(text).toMatch(/\)\.$|Status code: \d+\.$/);
  });
});

/** Every message id in a message and the messages nested in its values. */
function idsOf(msg: Msg, out: Set<string>): Set<string> {
  out.add(msg.id);
  for (const v of Object.values(msg.values ?? {})) if (isMsg(v)) idsOf(v, out);
  return out;
}

const STEPS: Evidence['step'][] = [{ kind: 'response' }, { kind: 'preflight', index: 0 }, { kind: 'redirect', index: 0 }, { kind: 'redirect', index: 2 }];
const RECEIVED = [null, '*', `${ORIGIN}/`, ORIGIN.toUpperCase(), 'http://app.example', `${ORIGIN}:443`, 'null', `x-a, *`, 'GET, put', 'true', ''];
const DETAILS = [undefined, '2', 'unknown', 'local', 'loopback', 'public', 'x-a, x-b'];

/** Every message the reasons produce: texts over a grid of evidence, notes and label subjects over the golden fixtures. */
function producedMessages(): Msg[] {
  const out: Msg[] = [LNA_NOTE];
  for (const d of REASONS) {
    out.push(d.label);
    if (d.mdnAbsence) out.push(d.mdnAbsence);
    if (d.firefoxAbsence) out.push(d.firefoxAbsence);
    const s = d.statusNote?.(500);
    if (s) out.push(s);
    let i = 0;
    for (const step of STEPS) for (const received of RECEIVED) for (const detail of DETAILS) for (const credentialed of [true, false]) {
      const param = ['', 'x-a', 'PUT'][i++ % 3]!;
      const origin = received === 'null' ? 'null' : ORIGIN;
      const e = detail === undefined ? ev({ step, received, credentialed, param, origin }) : ev({ step, received, credentialed, param, origin, detail });
      const r = toReason(d, e);
      out.push(d.short(e), r.summary, r.expected);
      if (r.firefoxMessage) out.push(r.firefoxMessage);
    }
  }
  const dir = `${root}test/fixtures/exchanges/`;
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
    const exchange = (JSON.parse(readFileSync(dir + f, 'utf8')) as { exchange: Exchange }).exchange;
    const verdict = classify(exchange);
    for (const reason of verdict.reasons) {
      const d = def(reason.code);
      const spec = buildSpec(exchange, verdict);
      for (const r of [reason, { ...reason, received: 'x-a, *' }, { ...reason, received: null }] as Reason[]) {
        for (const credentials of [true, false]) out.push(...d.notes(r, { spec: { ...spec, credentials }, exchange, verdict }).map((n) => n.text));
        const subject = d.labelSubject?.(r, exchange, verdict);
        if (subject) out.push(subject);
      }
    }
  }
  const seen = new Set<string>();
  return out.filter((msg) => {
    const key = JSON.stringify(msg);
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

const placeholders = (text: string) => [...new Set([...text.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((x) => x[1]!.toLowerCase()))].sort();
const has = (lang: 'en' | 'fr', id: string) => id in CATALOGUES[lang] || `${id}__other` in CATALOGUES[lang];
const OURS = (id: string) => /^(reason|firefox)_/.test(id);

describe('the reasons in both catalogues', { timeout: 60_000 }, () => {
  const produced = producedMessages();

  it('every message a reason produces exists in English and French, and renders whole in both', () => {
    const ids = new Set<string>();
    for (const msg of produced) idsOf(msg, ids);
    for (const id of ids) {
      expect(has('en', id), `${id} in English`).toBe(true);
      expect(has('fr', id), `${id} in French`).toBe(true);
    }
    for (const msg of produced) {
      for (const text of [EN.t(msg), FR.t(msg)]) {
        expect(text, JSON.stringify(msg)).not.toMatch(/⟦|\$[a-z0-9_]+\$/);
      }
    }
  });

  it('each reason_ and firefox_ message has the same placeholders in English and French, plural forms included', () => {
    const ids = Object.keys(CATALOGUES.en).filter(OURS);
    expect(ids.length).toBeGreaterThan(100);
    for (const id of ids) {
      expect(CATALOGUES.fr[id], `${id} in French`).toBeDefined();
      expect(placeholders(CATALOGUES.fr[id]!.message), id).toEqual(placeholders(CATALOGUES.en[id]!.message));
    }
    expect(Object.keys(CATALOGUES.fr).filter(OURS).sort()).toEqual(ids.sort());
  });

  it('no reason_ or firefox_ message is dead: each is named by the reason modules (whole, or by a prefix they complete)', () => {
    const dir = `${root}src/core/reasons/`;
    const named = readdirSync(dir).flatMap((f) => [...readFileSync(dir + f, 'utf8').matchAll(/['`]((?:reason|firefox)_[A-Za-z0-9_]*)/g)].map((x) => x[1]!));
    for (const id of Object.keys(CATALOGUES.en).filter(OURS)) {
      const base = id.replace(/__[a-z]+$/, '');
      expect(named.some((n) => n === base || (n.endsWith('_') && base.startsWith(n))), `${id} is named nowhere`).toBe(true);
    }
  });

  it('the French reason texts use ’ and guillemets, with no-break spaces where French puts them', () => {
    for (const [id, entry] of Object.entries(CATALOGUES.fr).filter(([i]) => i.startsWith('reason_'))) {
      expect(entry.message, id).not.toMatch(/[A-Za-zÀ-ÿ]'[A-Za-zÀ-ÿ]/);
      expect(entry.message, id).not.toMatch(/ [:;?!»]|« /);
      expect(entry.message, id).not.toMatch(/preflight|cross-origin/i);
    }
  });
});

describe('French renderings', () => {
  const pre: Evidence['step'] = { kind: 'preflight', index: 0 };

  it('a summary names the response at fault in French, with French typography', () => {
    expect(FR.t(def('MissingAllowOriginHeader').summary(ev({ step: pre }))))
      .toBe(`La réponse à la pré-vérification est arrivée sans en-tête Access-Control-Allow-Origin${NBSP}: le serveur n’a donc pas autorisé https://app.example à la lire.`);
    expect(FR.t(def('AllowOriginMismatch').summary(ev({ received: `${ORIGIN}/` }))))
      .toBe(`La réponse contient Access-Control-Allow-Origin «${NBSP}https://app.example/${NBSP}», mais l’origine de la requête est https://app.example${NBSP}; les deux doivent être identiques (la seule différence est la barre oblique finale).`);
    expect(FR.t(def('InvalidAllowCredentials').short(ev({ step: { kind: 'redirect', index: 1 }, received: null }))))
      .toBe('la redirection 2 n’avait pas Access-Control-Allow-Credentials: true pour une requête avec identifiants');
  });

  it('the headline clause, expected value and status note', () => {
    expect(FR.t(def('PreflightInvalidStatus').short(ev({ step: pre, status: 404 }))))
      .toBe('le serveur a répondu à la pré-vérification par HTTP 404 au lieu d’un code d’état 2xx');
    expect(FR.t(def('WildcardOriginNotAllowed').expected(ev({ credentialed: true }))))
      .toBe('Access-Control-Allow-Origin: https://app.example avec Access-Control-Allow-Credentials: true (ou envoyez la requête sans identifiants)');
    expect(FR.t(def('PreflightInvalidStatus').statusNote!(405)!))
      .toBe(`Le serveur a répondu à la pré-vérification (OPTIONS) par 405${NBSP}; beaucoup de frameworks ont besoin d’une route OPTIONS explicite, ou d’un middleware CORS placé avant l’authentification.`);
    expect(FR.t(def('LocalNetworkAccessPermissionDenied').short(ev({ detail: 'loopback' }))))
      .toBe('l’autorisation d’accès au réseau local de Chrome a bloqué l’accès au réseau de bouclage');
  });

  it('labels, a preflight twin\'s label and a label subject', () => {
    expect(FR.t(def('MissingAllowOriginHeader').label)).toBe('pas d’Allow-Origin');
    expect(FR.t(def('PreflightMissingAllowOriginHeader').label)).toBe(`pré-vérification${NBSP}: pas d’Allow-Origin`);
    expect(EN.t(def('PreflightMissingAllowOriginHeader').label)).toBe('preflight: no Allow-Origin');
    const labels = REASONS.map((r) => FR.t(r.label));
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('a fix note with its no-header lead, and a plural', () => {
    const note = def('CorsDisabledScheme').notes({} as Reason, {} as never)[0]!;
    expect(note.level).toBe('warning');
    expect(FR.t(note.text)).toBe(`Aucun en-tête de réponse ne peut corriger cela. CORS ne fonctionne qu’en http et https${NBSP}: servez la ressource en HTTP(S) plutôt qu’en file: ou via un schéma personnalisé.`);
    const more = (count: number) => ({ id: 'reason_HeaderDisallowedByPreflightResponse_names_and', values: { names: '"x-a"', count } });
    expect(FR.t(more(1))).toBe('"x-a" et 1 autre');
    expect(FR.t(more(1200))).toMatch(/^"x-a" et 1[\u00a0\u202f]200 autres$/);
    expect(EN.t(more(1200))).toBe('"x-a" and 1,200 more');
  });
});
