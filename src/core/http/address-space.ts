/** IP address spaces as Chromium's Local Network Access names them: loopback, local, public. */

export type AddressSpace = 'loopback' | 'local' | 'public' | 'unknown';

/** Address space of an IP literal or host name (`.local` and `localhost` included), `unknown` otherwise. */
export function addressSpaceOf(hostOrIp: string): AddressSpace {
  const host = hostOrIp.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return 'loopback';
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    if (a === 127) return 'loopback';
    if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || a === 0) return 'local';
    return 'public';
  }
  if (host.includes(':')) {
    if (host === '::1') return 'loopback';
    if (/^f[cd]/.test(host) || /^fe[89ab]/.test(host)) return 'local';
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(host);
    if (mapped) return addressSpaceOf(mapped[1]!);
    return 'public';
  }
  if (host.endsWith('.local')) return 'local';
  return 'unknown';
}

/** Whether an origin is a secure context origin (https, wss, or a loopback http origin). */
export function isSecureOrigin(origin: string): boolean {
  if (origin === 'null') return true;
  const m = /^([a-z][a-z0-9+.-]*):\/\/(\[[^\]]*\]|[^:/]*)/i.exec(origin);
  if (!m) return true;
  const scheme = m[1]!.toLowerCase();
  if (scheme !== 'http' && scheme !== 'ws') return true;
  return addressSpaceOf(m[2]!) === 'loopback';
}
