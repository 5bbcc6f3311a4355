/** Evidence about the credentials mode: only a Cookie header on a cross-origin step is certain. */
import { requestFacts } from './header-facts';
import type { Step } from './steps';
import type { Exchange } from '../model/exchange';
import type { RequestScan } from './request-scan';

/**
 * A Cookie header was sent to another origin: the request was credentialed (`include`). `scan` is
 * the facts of `ex.requestHeaders`, the first step's headers already read.
 */
export function cookieSentCrossOrigin(ex: Exchange, steps: Step[], origin: string, scan: Readonly<RequestScan>): boolean {
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    // Observed: the first step's headers, each hop's own, and those sent at the final URL; others are derived.
    const observed = i === 0 ? ex.requestHeaders : step.ref.kind === 'response' ? ex.finalRequestHeaders : ex.redirects[i]?.requestHeaders;
    if (!observed) continue;
    // The Cookie header first: most requests carry none, and comparing origins costs more than reading a flag.
    if ((i === 0 ? scan.hasCookie : requestFacts(observed).hasCookie) && (step.origin !== origin || origin === 'null')) return true;
  }
  return false;
}
