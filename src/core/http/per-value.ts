/**
 * A function of a header value, remembered per value in a bounded table: a server answers every preflight with
 * the same Access-Control-Allow-Methods and -Headers, and a page's preflights announce the same few
 * Access-Control-Request-Headers, so each distinct value is worked out once. A value longer than `longest` is
 * not kept, and a full table starts afresh, so what hostile traffic sends cannot grow it.
 *
 * What it returns is shared by every call with that value: callers read it and never change it. It is not
 * frozen: V8 reads a frozen array slower (a loop over one is not inlined), which cost more than the table saved.
 */
export function perValue<T>(make: (value: string) => T, limit = 256, longest = 256): (value: string) => T {
  const table = new Map<string, T>();
  return (value) => {
    let known = table.get(value);
    if (known === undefined) {
      known = make(value);
      if (value.length <= longest) {
        if (table.size >= limit) table.clear();
        table.set(value, known);
      }
    }
    return known;
  };
}
