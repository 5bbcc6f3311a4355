/** An unambiguous map key from several strings (each length-prefixed; `undefined` has its own mark). */
export const keyOf = (...parts: (string | undefined)[]): string =>
  parts.map((p) => (p === undefined ? '~' : `${p.length}:${p}`)).join('');
