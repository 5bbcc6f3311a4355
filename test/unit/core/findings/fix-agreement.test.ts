/**
 * The fix snippets and the findings agree. A server that sends exactly the headers the fix generator
 * gives for each step produces no finding of low or above, even when the page repeats its requests and
 * another site knocks; and every stack's snippet allows the origin from a fixed allowlist, never by
 * reflecting whatever Origin arrives.
 */
import { describe, expect, it } from 'vitest';
import { fixesFor, STACKS } from '../../../../src/core/fix';
import type { FixSet, HeaderLine } from '../../../../src/core/fix';
import type { Exchange } from '../../../../src/core/model/exchange';
import { atLeast } from '../../../../src/core/findings';
import type { ExchangeBuilder, PreflightBuilder, ResponseBuilder } from '../../../support/builder';
import { APP, API, en, entry, exchange, run } from './helpers';

const ELSEWHERE = 'https://other-site.example.net';

interface Situation {
  name: string;
  /** The request as the page makes it (no response configured). */
  request: (from: string, id: string) => ExchangeBuilder;
}

const SITUATIONS: Situation[] = [
  { name: 'simple GET', request: (from, id) => exchange().id(id).from(from).to(`${API}/items?page=1`) },
  { name: 'GET with cookies', request: (from, id) => exchange().id(id).from(from).cookie('sid=1').to(`${API}/me`) },
  { name: 'PUT with a custom header', request: (from, id) => exchange().id(id).method('PUT').header('X-Trace', 'abc').from(from).to(`${API}/items/7`) },
  { name: 'POST JSON with cookies', request: (from, id) => exchange().id(id).method('POST').header('Content-Type', 'application/json').cookie('sid=1').from(from).to(`${API}/orders`) },
  { name: 'DELETE with Authorization', request: (from, id) => exchange().id(id).method('DELETE').header('Authorization', 'Bearer t').from(from).to(`${API}/items/7`) },
];

const needsPreflight = (s: Situation): boolean => s.name !== 'simple GET' && s.name !== 'GET with cookies';

/** The fix for the situation, generated from its failure (the server sent no CORS header at all). */
function fixOf(s: Situation, from = APP): FixSet {
  const b = s.request(from, 'failing');
  if (needsPreflight(s)) b.preflight((p) => p).failed();
  else b.response((r) => r).failed();
  const failing = b.build();
  const { verdict } = entry(failing);
  expect(verdict.kind).toBe('blocked');
  return fixesFor(failing, verdict);
}

const withHeaders = <T extends ResponseBuilder>(r: T, lines: readonly HeaderLine[]): T => {
  for (const h of lines) r.header(h.name, h.value);
  return r;
};

/** The same request answered by a server configured as the fix says (the headers are fixed: the server's config). */
function answered(s: Situation, fix: FixSet, from: string, id: string, at: number): Exchange {
  const pre = fix.steps.find((st) => st.step === 'preflight');
  const res = fix.steps.find((st) => st.step === 'response')!;
  const b = s.request(from, id);
  if (pre) b.preflight((p: PreflightBuilder) => withHeaders(p, pre.headers));
  b.response((r) => withHeaders(r, res.headers));
  const ok = from === APP;
  if (!ok) b.failed();
  const ex = b.build();
  for (const p of ex.preflights) {
    p.start += at;
    p.end = p.start + 20;
  }
  ex.timings.start += at;
  return ex;
}

describe('a server configured as the fix snippets configure it', () => {
  it.each(SITUATIONS.map((s) => [s.name, s] as const))('%s: passes and produces no finding of low or above', (_name, s) => {
    const fix = fixOf(s);
    expect(fix.status).toBe('server-fix');
    const log: Exchange[] = [];
    for (let i = 0; i < 6; i++) log.push(answered(s, fix, APP, `app-${i}`, i * 1000));
    log.push(answered(s, fix, ELSEWHERE, 'elsewhere', 7000));
    const verdicts = log.map((ex) => entry(ex).verdict.kind);
    expect(verdicts.slice(0, 6).every((k) => k === 'simple' || k === 'preflighted')).toBe(true);
    expect(verdicts[6]).toBe('blocked');
    const loud = run(log).filter((f) => atLeast(f.severity, 'low'));
    expect(loud.map((f) => `${f.id}: ${en(f.summary)}`)).toEqual([]);
  });
});

/** What reflecting whatever Origin arrives looks like in each stack's configuration language. */
const REFLECTION = [
  /\$http_origin/i, // nginx
  /%\{HTTP:Origin\}/i, /%\{HTTP_ORIGIN\}/i, /SetEnvIf\s+Origin/i, // apache
  /\{(http\.request\.)?header\.Origin\}/i, /\{>Origin\}/, // caddy
  /origin:\s*(true|\/|\(|function)/, /req\.(headers\.origin|get\(['"]origin)/i, /request\.headers\.get\(\s*["']origin/i, // express, workers
  /allowedOriginPatterns/, /addAllowedOriginPattern/, // spring
  /AllowAnyOrigin/, /SetIsOriginAllowed/, // asp.net
  /CORS_ALLOW_ALL_ORIGINS/, /CORS_ORIGIN_ALLOW_ALL/, /CORS_ALLOWED_ORIGIN_REGEXES/, /allow_origin_regex/, // django, fastapi
  /AllowOriginFunc/, /AllowOriginRequestFunc/, /AllowOriginVaryRequestFunc/, // go
  /origins\s+['"]\*['"]/, /origins\s+\/[^/]/, // rails
  /"AllowedOrigins":\s*\[\s*"\*"/, // s3
];

describe('every stack\'s snippet allows the origin from an allowlist, never by reflection', () => {
  const cases = STACKS.flatMap((stack) => SITUATIONS.map((s) => [stack.id, s.name, stack.id, s] as const));

  it.each(cases)('%s / %s', (_label, _name, stackId, s) => {
    const mine = fixOf(s, APP).snippets.find((x) => x.stack === stackId)!;
    const theirs = fixOf(s, ELSEWHERE).snippets.find((x) => x.stack === stackId)!;
    expect(mine.code).toContain(APP);
    // The origin is a constant of the configuration: swapping it is the only difference between the two
    // snippets, so nothing in them reads the request's Origin to decide what to allow.
    expect(mine.code.split(APP).join(ELSEWHERE)).toBe(theirs.code);
    for (const idiom of REFLECTION) expect(mine.code, `${stackId} matches ${idiom}`).not.toMatch(idiom);
    // No wildcard origin either: the header lines the snippets are built from name the exact origin.
    const lines = fixOf(s, APP).steps.flatMap((st) => st.headers).filter((h) => h.name === 'Access-Control-Allow-Origin');
    expect(lines.length).toBeGreaterThan(0);
    for (const h of lines) expect(h.value).toBe(APP);
  });
});
