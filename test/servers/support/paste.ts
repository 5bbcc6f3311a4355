/** Helpers stack adapters share: pasting a snippet at a template's marker, and finding npm packages. */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT } from '../../e2e/support';

/**
 * `template` with the line holding `marker` replaced by `code` (or removed when `code` is null: the server with
 * no CORS configuration). The marker must appear exactly once, where the snippet's own text says it goes.
 */
export function pasteAt(template: string, marker: string, code: string | null): string {
  const lines = template.split('\n');
  const at = lines.flatMap((line, i) => (line.includes(marker) ? [i] : []));
  if (at.length !== 1) throw new Error(`the template must hold the marker ${marker} exactly once (found ${at.length})`);
  lines.splice(at[0]!, 1, ...(code === null ? [] : code.split('\n')));
  return lines.join('\n');
}

const requireFromRoot = createRequire(join(ROOT, 'package.json'));

/** The first npm package (of the repository's node_modules) that cannot be resolved, or null. */
export function missingNpm(names: readonly string[]): string | null {
  for (const name of names) {
    try {
      requireFromRoot.resolve(`${name}/package.json`);
    } catch {
      return name;
    }
  }
  return null;
}

/** The repository's node_modules, which a generated app links to so that `import 'cors'` resolves as after `npm install cors`. */
export const NODE_MODULES = join(ROOT, 'node_modules');
