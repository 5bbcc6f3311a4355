/**
 * `cors-lens/playwright`: CORS Lens's verdicts for a Playwright page's requests, in Chromium, through the
 * DevTools protocol. `attachCorsLens(page)` starts recording (raw request and response headers of every
 * hop, preflights, redirects, how each request ended); `verdicts()` judges them with the core as the
 * extension does; `expectNoCorsErrors()` fails a test with the explanation and the fix of each blocked
 * request. The page is taken structurally (cdp.ts): Playwright is not a dependency.
 */
import { m } from '../core/i18n/msg';
import { wordsFor } from '../core/i18n/catalogues';
import type { PageLike } from './cdp';
import { DevtoolsLog, WaitTimeout, type Hop } from './devtools-log';
import { judge } from './judge';
import { blockedReport } from './report';
import type { AttachOptions, CorsLens, CorsVerdict, JudgeOptions, WaitOptions } from './types';

// A test receives the declared shapes (public.d.ts, the package's types); the judge's verdict carries more.
export type { AttachOptions, CorsEvidence, CorsFinding, CorsFix, CorsFixStep, CorsLens, CorsVerdict, Exchange, JudgeOptions, PageLike, Step, WaitOptions } from './public';

const DEFAULT_SETTLE_MS = 10_000;
const DEFAULT_WAIT_MS = 30_000;

/**
 * Requests not yet decided (their last hop neither ended nor got its response). A worker's script request is
 * named after the worker's target and may end before we listen on that target: a running worker decides it.
 * Nothing more comes for a request of a target that went away (a removed frame).
 */
function undecided(log: DevtoolsLog): Hop[] {
  return log.lastHops().filter((h) => h.endTs === undefined && h.status === undefined && !log.targets.has(h.requestId) && !log.gone(h));
}

/** Every request seen has been decided and the raw headers Chromium promised for it have arrived. */
const settled = (log: DevtoolsLog): boolean => undecided(log).length === 0 && log.missingRaw().length === 0;

/** For a timeout's message: what was still awaited (developer output, not a sentence: URLs and protocol terms). */
function awaited(log: DevtoolsLog): string {
  const list = (hops: Hop[]) => hops.slice(0, 5).map((h) => `${h.method} ${h.url}`).join(', ');
  const open = undecided(log);
  const raw = log.missingRaw();
  return `${open.length} undecided [${list(open)}]; ${raw.length} owed ExtraInfo [${list(raw)}]`;
}

class Lens implements CorsLens {
  constructor(private readonly log: DevtoolsLog, private readonly page: PageLike) {}

  private async judged(options: JudgeOptions, sameOrigin: boolean): Promise<CorsVerdict[]> {
    const timeout = options.settleTimeoutMs ?? DEFAULT_SETTLE_MS;
    // Past the timeout, what is still in flight is judged as it stands (`pending`).
    await this.log.waitFor('in-flight requests to be decided', () => settled(this.log), timeout).catch(() => undefined);
    return judge(this.log, this.page.url(), { ...options, sameOrigin });
  }

  exchanges(options: JudgeOptions = {}): Promise<CorsVerdict[]> {
    return this.judged(options, true);
  }

  verdicts(options: JudgeOptions = {}): Promise<CorsVerdict[]> {
    return this.judged(options, false);
  }

  waitFor(until: (verdicts: CorsVerdict[]) => boolean, options: WaitOptions = {}): Promise<CorsVerdict[]> {
    const timeoutMs = options.timeoutMs ?? DEFAULT_WAIT_MS;
    return this.log.waitFor('lens.waitFor', () => {
      if (!settled(this.log)) return null;
      const verdicts = judge(this.log, this.page.url(), { ...options, sameOrigin: true });
      return until(verdicts) ? verdicts : null;
    }, timeoutMs).catch((err: unknown) => {
      if (!(err instanceof WaitTimeout)) throw err; // the condition itself threw: the caller's error, as it is
      const text = wordsFor(options.lang ?? 'en').t(m('pw_wait_timeout', { ms: timeoutMs, awaited: awaited(this.log) }));
      throw new Error(text, { cause: err });
    });
  }

  async expectNoCorsErrors(options: JudgeOptions = {}): Promise<void> {
    const blocked = (await this.verdicts(options)).filter((v) => v.kind === 'blocked');
    if (blocked.length > 0) throw new Error(blockedReport(blocked, wordsFor(options.lang ?? 'en')));
  }

  detach(): Promise<void> {
    return this.log.detach();
  }
}

/** Starts recording `page` (Chromium only: other browsers have no DevTools protocol session and get a clear error). */
export async function attachCorsLens(page: PageLike, options: AttachOptions = {}): Promise<CorsLens> {
  let log: DevtoolsLog;
  try {
    log = await DevtoolsLog.attach(page.context(), page);
  } catch (err) {
    const detail = err instanceof Error ? err.message.split('\n')[0] ?? '' : String(err);
    throw new Error(wordsFor(options.lang ?? 'en').t(m('pw_not_chromium', { detail })), { cause: err });
  }
  return new Lens(log, page);
}
