/**
 * The origins `cors-lens probe` sends: the allowed origin (the baseline) and the forged ones a CORS scanner
 * tries, made from it. Only what a browser could send: a serialized origin, or `null`.
 */
import { originOf } from '../../core/cli-api';

/** The host the made-up origins use: `.example` is reserved (RFC 2606), so it is nobody's site. */
const PROBE_HOST = 'corslensprobe.example';
const PROBE_LABEL = 'corslensprobe';

/** How a forged origin was made; `allowed` is the legitimate origin itself (the baseline). */
export type Trick =
  | 'allowed'
  | 'unrelated'
  | 'null'
  | 'prefix'
  | 'suffix'
  | 'unescaped-dot'
  | 'http-downgrade'
  | 'subdomain'
  | 'special-character';

export interface ProbeOrigin {
  origin: string;
  trick: Trick;
  /** False only for the allowed origin itself. */
  forged: boolean;
}

/**
 * The origins to send for an allowed origin (`https://app.example`, or `http://host:port`); `random` names
 * the subdomain. The allowed origin comes first when `withAllowed` (it is the baseline a look-alike is
 * compared with); every origin once.
 */
export function probeOrigins(allowed: URL, random: string, withAllowed: boolean): ProbeOrigin[] {
  const a = allowed.origin;
  const scheme = allowed.protocol;
  const host = allowed.host;
  const port = allowed.port ? `:${allowed.port}` : '';
  const out: ProbeOrigin[] = [];
  // Only what a browser can send: a serialized origin (a look-alike of `host:port` or of an IP address is
  // no URL at all, so no page could have it), or null.
  const add = (origin: string, trick: Trick) => {
    if (origin !== 'null' && originOf(origin) !== origin) return;
    if (!out.some((o) => o.origin === origin)) out.push({ origin, trick, forged: trick !== 'allowed' });
  };
  if (withAllowed) add(a, 'allowed');
  add(`https://${PROBE_HOST}`, 'unrelated');
  add('null', 'null');
  add(`${a}.${PROBE_HOST}`, 'prefix');
  add(`${scheme}//${PROBE_LABEL}${host}`, 'suffix');
  // Each of the first three dots of the host replaced by a letter: what `^https://app.example$` with the dot
  // unescaped also matches. (An IPv6 literal has no dot.)
  const name = allowed.hostname;
  let seen = 0;
  for (let i = name.indexOf('.'); i >= 0 && seen < 3; i = name.indexOf('.', i + 1), seen++) {
    add(`${scheme}//${name.slice(0, i)}x${name.slice(i + 1)}${port}`, 'unescaped-dot');
  }
  if (scheme === 'https:') add(`http://${host}`, 'http-downgrade');
  add(`${scheme}//${PROBE_LABEL}-${random}.${host}`, 'subdomain');
  // A regex meant to allow a port or a path after the host (`^https://app\.example(\W.*)?$`).
  add(`${a}\`.${PROBE_HOST}`, 'special-character');
  add(`${a}_.${PROBE_HOST}`, 'special-character');
  return out;
}

