import { describe, expect, it } from 'vitest';
import { classify } from '../../../../src/core/classify/classify';
import { fixesFor } from '../../../../src/core/fix';
import type { Exchange, Header } from '../../../../src/core/model/exchange';
import { editedExchange, judgeWhatIf, whatIfSteps } from '../../../../src/panel/details/what-if';
import { API, exchange, PAGE } from '../../../support/builder';
import { EN } from '../../../../src/core/i18n/catalogues';

type Edits = Parameters<typeof editedExchange>[2];

/** Steps of `x`, the edits made by `edit` on each step's start (received, or the fix), and the judgement. */
function tryIt(x: Exchange, from: 'received' | 'fix', edit: (key: string, headers: Header[]) => Header[] = (_, h) => h) {
  const verdict = classify(x);
  const steps = whatIfSteps(x, fixesFor(x, verdict).steps);
  const edits: Record<string, Header[]> = {};
  for (const s of steps) edits[s.key] = edit(s.key, [...((from === 'fix' ? s.fix : null) ?? s.received)]);
  const edited = editedExchange(x, steps, edits as Edits);
  return { verdict, steps, edited, result: judgeWhatIf(edited, verdict) };
}

const without = (name: string) => (_: string, headers: Header[]) => headers.filter((h) => h.name.toLowerCase() !== name);
const code = (r: ReturnType<typeof tryIt>['result']) => r.verdict.reasons[0]?.code ?? null;

const trailingSlash = () => exchange().to(`${API}/items`).response((r) => r.acao(`${PAGE}/`).header('Server', 'nginx')).failed().build();

describe('try a fix: judged from the headers, as if the browser had received them', () => {
  it('unchanged, a blocked exchange is judged as captured', () => {
    const { verdict, result } = tryIt(trailingSlash(), 'received');
    expect(verdict.reasons[0]!.code).toBe('AllowOriginMismatch');
    expect(result.verdict.kind).toBe('blocked');
    expect(code(result)).toBe('AllowOriginMismatch');
  });

  it('from the generated fix, a blocked exchange passes although the browser failed it; without ACAO it fails again', () => {
    const passed = tryIt(trailingSlash(), 'fix');
    expect(passed.result.verdict.kind).toBe('simple');
    expect(passed.edited.response!.headers.find((h) => h.name === 'Access-Control-Allow-Origin')?.value).toBe(PAGE);
    expect(passed.edited.response!.headers.some((h) => h.name === 'Server')).toBe(true); // other received headers kept
    const failed = tryIt(trailingSlash(), 'fix', without('access-control-allow-origin'));
    expect(failed.result.verdict.kind).toBe('blocked');
    expect(code(failed.result)).toBe('MissingAllowOriginHeader');
  });

  it('a request the browser completed fails when its Access-Control-Allow-Origin is taken away', () => {
    const x = exchange().to(`${API}/ok`).response((r) => r.acao(PAGE)).build();
    expect(classify(x).kind).toBe('simple');
    const { result } = tryIt(x, 'received', without('access-control-allow-origin'));
    expect(result.verdict.kind).toBe('blocked');
    expect(code(result)).toBe('MissingAllowOriginHeader');
  });

  it('keeps every non-header fact: statuses, request headers, credentials, timings; the capture is not changed', () => {
    const x = exchange().method('PUT').cookie('sid=1').header('X-Trace', '1').to(`${API}/items/1`)
      .preflight((p) => p.status(200).acao(PAGE)).response((r) => r.status(503)).failed().build();
    const before = structuredClone(x);
    const { edited } = tryIt(x, 'fix');
    expect(x).toEqual(before);
    expect(edited.requestHeaders).toEqual(x.requestHeaders);
    expect(edited.preflights[0]!.requestHeaders).toEqual(x.preflights[0]!.requestHeaders);
    expect(edited.preflights[0]!.response!.status).toBe(200);
    expect(edited.response!.status).toBe(503);
    expect(edited.timings).toEqual(x.timings);
    expect(edited.outcome).toEqual(x.outcome);
  });

  it('a failed preflight: the request was never sent; the fix gives both steps and it passes', () => {
    const x = exchange().method('PUT').to(`${API}/items/1`).preflight((p) => p.acao(PAGE)).failed().build();
    expect(classify(x).reasons[0]!.code).toBe('MethodDisallowedByPreflightResponse');
    const fromFix = tryIt(x, 'fix');
    expect(fromFix.steps.map((s) => [s.key, s.captured])).toEqual([['preflight:0', true], ['response', false]]);
    expect(fromFix.result.verdict.kind).toBe('preflighted');
    expect(fromFix.result.unanswered).toEqual([]);
    // Only the preflight fixed, the response left empty: it passes the preflight, and says the response is missing.
    const half = tryIt(x, 'fix', (key, h) => (key === 'response' ? [] : h));
    expect(half.edited.response).toBeUndefined();
    expect(half.result.unanswered.map((x) => EN.t(x))).toEqual(['response']);
  });

  it('a preflight the capture did not see (from the cache) is offered from the fix, and judged when filled in', () => {
    const x = exchange().method('PUT').to(`${API}/items/1`).response((r) => r.acao(PAGE)).build();
    expect(classify(x).preflight.cached).toBe(true);
    const { steps, edited, result } = tryIt(x, 'fix', (key, h) => (key === 'preflight:0' ? h.filter((l) => l.name !== 'Access-Control-Allow-Methods') : h));
    expect(steps[0]).toMatchObject({ key: 'preflight:0', added: true, captured: false, received: [] });
    expect(edited.preflights).toHaveLength(1);
    expect(edited.preflights[0]!.requestHeaders).toContainEqual({ name: 'Access-Control-Request-Method', value: 'PUT' });
    expect(code(result)).toBe('MethodDisallowedByPreflightResponse');
    // Left empty it stays out: the cached preflight is judged as captured.
    expect(tryIt(x, 'received').edited.preflights).toHaveLength(0);
  });

  it('maps the fix onto redirect hops by URL and judges each hop', () => {
    const x = exchange().to(`${API}/old`).redirect((r) => r.to(`${API}/new`)).response((r) => r.acao(PAGE)).failed().build();
    expect(classify(x).reasons[0]!.code).toBe('MissingAllowOriginHeader');
    const { steps, result } = tryIt(x, 'fix');
    expect(steps.map((s) => s.key)).toEqual(['redirect:0', 'response']);
    expect(steps[0]!.fix?.some((h) => h.name === 'Location')).toBe(true);
    expect(result.verdict.kind).toBe('simple');
  });
});

describe('try a fix: credentials', () => {
  it('a request with a Cookie is judged with credentials: the fix passes, without Allow-Credentials it fails', () => {
    const x = exchange().cookie('sid=1').to(`${API}/me`).response((r) => r.acao('*')).failed().build();
    expect(classify(x).reasons[0]!.code).toBe('WildcardOriginNotAllowed');
    expect(tryIt(x, 'fix').result.verdict.kind).toBe('simple');
    const r = tryIt(x, 'fix', without('access-control-allow-credentials')).result;
    expect(r.credentialed).toBe(true);
    expect(code(r)).toBe('InvalidAllowCredentials');
  });

  it('credentials inferred from the captured failure still count', () => {
    const x = exchange().to(`${API}/me`).response((r) => r.acao('*')).failed().build();
    expect(classify(x).credentials.mode).toBe('inferred-include');
    const { result } = tryIt(x, 'received');
    expect(result.credentialed).toBe(true);
    expect(code(result)).toBe('WildcardOriginNotAllowed');
  });

  it('credentials not known: passes without them, and says what they would cause', () => {
    const { verdict, result } = tryIt(trailingSlash(), 'received', () => [{ name: 'Access-Control-Allow-Origin', value: PAGE }]);
    expect(verdict.credentials.mode).toBe('unknown');
    expect(result.verdict.kind).toBe('simple');
    expect(result.withCredentials?.code).toBe('InvalidAllowCredentials');
  });
});

describe('try a fix: other observers and endings', () => {
  it('Firefox: judged the same way', () => {
    const x = exchange().observer('firefox').to(`${API}/items`).response((r) => r.acao(`${PAGE}/`)).failed().build();
    expect(tryIt(x, 'fix').result.verdict.kind).toBe('simple');
    expect(code(tryIt(x, 'fix', without('access-control-allow-origin')).result)).toBe('MissingAllowOriginHeader');
  });

  it('a Local Network Access denial keeps its captured ending: no header changes it', () => {
    const x = exchange().from('https://app.example').to('http://192.168.1.10/api')
      .response((r) => r.ip('192.168.1.10').acao('https://app.example')).failed('net::ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS').build();
    const captured = classify(x);
    const { result } = tryIt(x, 'fix');
    expect(result.outcomeKept).toBe(true);
    expect(result.verdict.kind).toBe(captured.kind);
    expect(code(result)).toBe(captured.reasons[0]?.code ?? null);
  });
});
