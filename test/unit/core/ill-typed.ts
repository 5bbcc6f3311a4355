/**
 * Ill-typed records, as a corrupted store, a hand-written HAR or an old extension version could hand
 * the core: well-typed sample arguments with a few values, anywhere in them, replaced by something of
 * the wrong type (null, a number, an object whose String() throws, a 20,000-deep array, 1 MB of text…).
 * Only what JSON, structured clone or storage can carry: no symbols, functions, getters or proxies.
 */
import fc from 'fast-check';

const DEPTH = 20_000;
function deepArray(): unknown[] {
  let v: unknown[] = [];
  for (let i = 0; i < DEPTH; i++) v = [v];
  return v;
}
function deepObject(): Record<string, unknown> {
  let v: Record<string, unknown> = {};
  for (let i = 0; i < DEPTH; i++) v = { value: v, name: v };
  return v;
}

/** Values of the wrong type (or the right type with hostile content), built once. */
export const WEIRD: readonly unknown[] = [
  null, undefined, 0, -1, Number.NaN, Number.POSITIVE_INFINITY, 1e21, -0, 7.5, true, false, '', ' ', '\r\n', 'null', '__proto__',
  [], {}, [null], [1, 'a'], { name: 1, value: 2 }, { state: 'failed' }, { kind: 'blocked' }, { start: 'yesterday' },
  JSON.parse('{"toString":1,"valueOf":1}') as unknown,
  JSON.parse('[{"toString":1}]') as unknown,
  Object.create(null) as unknown,
  deepArray(),
  deepObject(),
  'x'.repeat(1 << 20),
  'Origin: evil\r\nX-Injected: 1',
  '\u202e\u0000\u001b[31m',
];

export const weird: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...WEIRD) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
);

/** One replacement: a path of choices (each picks a key among those present) and the value put there. */
export type Edit = [number[], unknown];
export const edits: fc.Arbitrary<Edit[]> = fc.array(fc.tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 7 }), weird), { minLength: 1, maxLength: 4 });

const isContainer = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !WEIRD.includes(v);

/** Applies the edits to `root` in place (build a fresh root for each run). */
export function corrupt<T>(root: T, list: readonly Edit[]): T {
  for (const [path, value] of list) {
    let node: unknown = root;
    for (let depth = 0; depth < path.length; depth++) {
      if (!isContainer(node)) break;
      const keys = Object.keys(node);
      if (keys.length === 0) break;
      const key = keys[path[depth]! % keys.length]!;
      if (depth === path.length - 1 || !isContainer(node[key])) {
        node[key] = value;
        break;
      }
      node = node[key];
    }
  }
  return root;
}
