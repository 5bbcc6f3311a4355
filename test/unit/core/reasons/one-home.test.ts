/**
 * One home per reason code: a code's words (its table label, headline, summary, what was expected, fix
 * notes, Chrome's and Firefox's console texts, its Firefox keys and MDN page) are written only in its
 * module in src/core/reasons/ and the wording files that module imports. Anywhere else in src/ they
 * are read from the catalogue; a copy, or a table keyed by the code, fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { classify } from '../../../../src/core/classify/classify';
import { buildSpec } from '../../../../src/core/fix/spec';
import type { Exchange } from '../../../../src/core/model/exchange';
import type { Reason, Verdict } from '../../../../src/core/model/verdict';
import { chromeConsoleLead, chromeConsoleLine, mdnUrl, REASONS, toReason, type AnyReasonDef, type Evidence } from '../../../../src/core/reasons';
import { firefoxLine, NO_HEADER_FIX, PREFLIGHT_PREFIX } from '../../../../src/core/reasons/texts';
import { copiesOutsideHome, MARK, type SourceFile, type WordOwner } from './one-home';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const fixturesDir = `${root}test/fixtures/exchanges/`;
const REASONS_DIR = 'src/core/reasons/';
const kebab = (code: string) => code.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();

function sourcesUnder(dir: string): SourceFile[] {
  return readdirSync(root + dir, { withFileTypes: true }).flatMap((d) => {
    const path = `${dir}${d.name}`;
    if (d.isDirectory()) return sourcesUnder(`${path}/`);
    return /\.tsx?$/.test(d.name) ? [{ path, text: readFileSync(root + path, 'utf8') }] : [];
  });
}

const sources = sourcesUnder('src/');
const byPath = new Map(sources.map((f) => [f.path, f.text]));

/** A reason module and the wording files of the catalogue it imports, directly or not. */
function homeOf(module: string): string[] {
  const home = new Set<string>();
  const visit = (path: string) => {
    if (home.has(path) || !byPath.has(path)) return;
    home.add(path);
    for (const [, name] of byPath.get(path)!.matchAll(/from '\.\/([\w-]+)'/g)) visit(`${REASONS_DIR}${name}.ts`);
  };
  visit(module);
  return [...home];
}

/** Evidence whose variable parts are MARK, in the shapes that take each branch of the texts. */
const SAMPLES: Evidence[] = [
  { step: { kind: 'response' }, url: MARK, origin: MARK, credentialed: true, received: MARK, param: MARK, status: 404, detail: '2' },
  { step: { kind: 'preflight', index: 0 }, url: MARK, origin: MARK, credentialed: false, received: null, param: MARK, status: null },
  { step: { kind: 'redirect', index: 1 }, url: MARK, origin: MARK, credentialed: true, received: `*, ${MARK}`, param: MARK, status: 500, detail: 'unknown' },
  { step: { kind: 'redirect', index: 0 }, url: MARK, origin: MARK, credentialed: false, received: MARK, param: MARK, status: 301, detail: MARK },
];

const fixtures = readdirSync(fixturesDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(fixturesDir + f, 'utf8')) as { exchange: Exchange });
const classified = fixtures.map((f) => ({ exchange: f.exchange, verdict: classify(f.exchange) }));

/** The exchange the Chrome line is shown for; its URL and origin are variable parts. */
function markedExchange(type: string, redirected: boolean): Exchange {
  const x = classified[0]!.exchange;
  return { ...x, type, url: MARK, redirects: redirected ? [{ ...(x.redirects[0] ?? {}), location: MARK } as Exchange['redirects'][number]] : [] } as Exchange;
}
const markedVerdict = { ...classified[0]!.verdict, origin: MARK } as Verdict;

/** Everything a reason says: its texts for each sample, its console lines and its fix notes for each fixture that produces it. */
function textsOf(def: AnyReasonDef): string[] {
  const out: string[] = [];
  if (def.mdnAbsence) out.push(def.mdnAbsence);
  if (def.firefoxAbsence) out.push(def.firefoxAbsence);
  for (const e of SAMPLES) {
    const r = toReason(def, e);
    out.push(def.short(e), r.summary, r.expected, r.chromeMessage, chromeConsoleLine(markedExchange('fetch', false), markedVerdict, r));
    if (r.firefoxMessage) out.push(r.firefoxMessage);
  }
  return [...out, ...notesOf(def)];
}

/** A reason's fix notes for each fixture that produces it, with the received value as captured, variable and absent. */
function notesOf(def: AnyReasonDef): string[] {
  const out: string[] = [];
  for (const { exchange, verdict } of classified) {
    for (const reason of verdict.reasons.filter((r) => r.code === def.code)) {
      const ctx = { spec: buildSpec(exchange, verdict), exchange, verdict };
      for (const r of [reason, { ...reason, received: MARK }, { ...reason, received: null }] as Reason[]) out.push(...def.notes(r, ctx).map((n) => n.text));
    }
  }
  return out;
}

function reasonOwners(): WordOwner[] {
  return REASONS.map((def) => ({
    id: def.code,
    home: homeOf(`${REASONS_DIR}${kebab(def.code)}.ts`),
    labels: [def.label],
    texts: textsOf(def),
    ids: [...def.firefoxKeys, ...(def.mdnSlug ? [def.mdnSlug, mdnUrl(def)!] : [])],
    keys: [def.code],
  }));
}

/** Words of the catalogue as a whole: each console's frame around a reason's message, the "no header" lead. */
const catalogueOwner: WordOwner = {
  id: 'catalogue frames (texts.ts)',
  home: [`${REASONS_DIR}texts.ts`],
  labels: [],
  texts: [
    ...['fetch', 'font', 'script', 'image', 'stylesheet', 'media'].flatMap((t) => [false, true].map((redirected) => chromeConsoleLead(markedExchange(t, redirected), markedVerdict) + MARK)),
    firefoxLine(MARK, MARK, MARK).message,
    PREFLIGHT_PREFIX + MARK,
    NO_HEADER_FIX + MARK,
  ],
  ids: [],
  keys: [],
};

/**
 * Literals elsewhere that read like part of a reason's text but belong to no code: classify/notes.ts
 * says what status the server answered a preflight with, whatever the reason.
 */
const ORDINARY = ['The server answered the preflight (OPTIONS) with'];

const describeCopies = (copies: ReturnType<typeof copiesOutsideHome>) =>
  copies.map((c) => `${c.file}:${c.line} repeats ${c.owner}'s ${c.kind} ${JSON.stringify(c.what.slice(0, 80))}`).join('\n');

describe('one home per reason code', { timeout: 60_000 }, () => {
  const owners = [...reasonOwners(), catalogueOwner];

  it('every reason has a label and, except InvalidResponse, fix notes for the fixtures that produce it', () => {
    for (const def of REASONS) {
      expect(def.label.length, def.code).toBeGreaterThan(3);
      if (def.code !== 'InvalidResponse') expect(notesOf(def).length, `${def.code} has no fix notes`).toBeGreaterThan(0);
    }
    expect(new Set(REASONS.map((r) => r.label)).size).toBe(REASONS.length);
  });

  it('no file of src/ outside a reason\'s module repeats its words or keeps a table keyed by its code', () => {
    const copies = copiesOutsideHome(owners, sources, ORDINARY);
    expect(copies, describeCopies(copies)).toEqual([]);
  });

  it('the rule finds a copy: a label table, a copied note, a console line and a code-keyed table in another file', () => {
    const def = REASONS.find((r) => r.code === 'PreflightMissingAllowOriginHeader')!;
    const [note] = textsOf(def).filter((t) => t.startsWith('The OPTIONS response'));
    const planted: SourceFile = {
      path: 'src/panel/planted.tsx',
      text: [
        `const SHORT = { PreflightMissingAllowOriginHeader: ${JSON.stringify(def.label)} };`,
        `const NOTE = ${JSON.stringify(note)};`,
        'const lead = (u: string, o: string) => `Access to fetch at \'${u}\' from origin \'${o}\' has been blocked by CORS policy: `;',
        "const NO_FIX = new Set(['DisallowedByMode', 'CorsDisabledScheme']);",
        "export const View = () => <p>No 'Access-Control-Allow-Origin' header is present on the requested resource.</p>;",
        "const FIREFOX = 'CORSMissingAllowOrigin2';",
        `const HINT = 'Never answer "Access-Control-Allow-Origin: *" to a credentialed request: browsers reject it.';`,
        'const where = (w: string) => `${w} had no Access-Control-Allow-Origin header`;',
      ].join('\n'),
    };
    const kinds = copiesOutsideHome(owners, [...sources, planted], ORDINARY)
      .filter((c) => c.file === planted.path)
      .map((c) => `${c.line} ${c.kind} ${c.owner}`);
    expect(kinds).toEqual(expect.arrayContaining([
      '1 key PreflightMissingAllowOriginHeader',
      '1 label PreflightMissingAllowOriginHeader',
      '2 text PreflightMissingAllowOriginHeader',
      '3 text catalogue frames (texts.ts)',
      '4 key DisallowedByMode',
      '4 key CorsDisabledScheme',
      '5 text MissingAllowOriginHeader',
      '6 id MissingAllowOriginHeader',
      '7 text WildcardOriginNotAllowed',
      '8 text MissingAllowOriginHeader',
    ]));
  });

  it('logic that names a code is not a table: a comparison or a single code is allowed', () => {
    const logic: SourceFile = {
      path: 'src/panel/logic.ts',
      text: "export const f = (c: string) => c === 'HeaderDisallowedByPreflightResponse' ? ['HeaderDisallowedByPreflightResponse'] : [];",
    };
    expect(copiesOutsideHome(owners, [logic])).toEqual([]);
  });
});
