import { commentText } from '../fix/escape';
import { rejectedMethod } from '../fix/rejected';
import { methodAllowed, preflightEvidence, type PreflightInput } from './preflight-rules';
import { firefoxLine, info, q, quoted, refusedSubject } from './texts';
import type { ReasonDef } from './types';

/** The request's method is not in Access-Control-Allow-Methods (exact, case-sensitive match). */
export const methodDisallowedByPreflightResponse: ReasonDef<PreflightInput> = {
  code: 'MethodDisallowedByPreflightResponse',
  family: 'preflight',
  header: 'Access-Control-Allow-Methods',
  mdnSlug: 'CORSMethodNotFound',
  firefoxKeys: ['CORSMethodNotFound'],
  label: 'method not allowed',
  labelSubject: (r, exchange) => refusedSubject(rejectedMethod(exchange, r), r.received),
  notes: (r, { spec }) => {
    const sent = r.received === null ? 'the preflight response had no Access-Control-Allow-Methods' : `the preflight response allowed only "${quoted(r.received)}"`;
    return [info(`Add "${commentText(spec.method)}" to Access-Control-Allow-Methods exactly as the page sends it: ${sent}.`)];
  },
  detect: (p) => (p.methods.invalid !== null || methodAllowed(p) ? null : preflightEvidence(p, p.acam, p.method)),
  short: (e) => `the preflight did not allow the method ${e.param}`,
  summary: (e) => `The preflight's Access-Control-Allow-Methods is ${q(e.received)}, which does not include ${e.param}${hint(e.param, e.received, e.credentialed)}.`,
  expected: (e) => `Access-Control-Allow-Methods listing ${e.param} (exactly as the request writes it)`,
  chrome: (e) => `Method ${e.param} is not allowed by Access-Control-Allow-Methods in preflight response.`,
  firefox: (e) => firefoxLine('CORSMethodNotFound', e.url, 'Did not find method in CORS header ‘Access-Control-Allow-Methods’).'),
};

function hint(method: string, received: string | null, credentialed: boolean): string {
  const items = (received ?? '').split(',').map((s) => s.trim());
  if (items.some((m) => m !== method && m.toUpperCase() === method.toUpperCase())) {
    return ' (method names are case-sensitive: the list has it in another case)';
  }
  if (credentialed && items.includes('*')) return ' ("*" is not a wildcard for a request with credentials)';
  return '';
}
