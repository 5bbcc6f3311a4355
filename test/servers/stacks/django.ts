/**
 * Django 3.2 (Debian python3-django) with django-cors-headers, served over ASGI by uvicorn. Each start lays
 * out the project `django-admin startproject` generates (generated once: the settings.py a user has), sets it
 * up for production (DEBUG = False, so an unhandled exception gives Django's own 500, and ALLOWED_HOSTS), adds
 * the views of ROUTES, and appends the snippet at the end of settings.py, as its text says.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Snippet } from '../../../src/core/fix';
import type { StackAdapter, StartOptions } from '../support/contract';
import { missingModule, runPython, uvicorn } from './python';
import { lineWith } from './template';

const MODULES = [['django', 'python3-django'], ['corsheaders', 'python3-django-cors-headers'], ['uvicorn', 'python3-uvicorn']] as const;

/** The deployment settings every production Django has (not CORS): the generated lines, replaced. */
const PRODUCTION: [RegExp, string][] = [
  [/^DEBUG = True$/m, 'DEBUG = False'],
  [/^ALLOWED_HOSTS = \[\]$/m, "ALLOWED_HOSTS = ['localhost', '127.0.0.1']"],
];

/** The files `django-admin startproject project` writes, by path: generated once, written again at each start. */
let generated: Map<string, string> | null = null;

function startproject(workDir: string, log: string[]): void {
  if (!generated) {
    log.push(runPython(workDir, ['-m', 'django', 'startproject', 'project', workDir]));
    generated = new Map();
    for (const dir of ['', 'project']) {
      for (const entry of readdirSync(join(workDir, dir), { withFileTypes: true })) {
        if (entry.isFile()) generated.set(join(dir, entry.name), readFileSync(join(workDir, dir, entry.name), 'utf8'));
      }
    }
    return;
  }
  mkdirSync(join(workDir, 'project'), { recursive: true });
  for (const [path, text] of generated) writeFileSync(join(workDir, path), text);
}

/** settings.py with the snippet appended where its text says. */
export function pasteDjango(settings: string, snippet: Snippet): string {
  lineWith(snippet.code, 'at the end of settings.py', 'where it goes');
  return `${settings.trimEnd()}\n\n${snippet.code}\n`;
}

export const djangoAdapter: StackAdapter = {
  stack: 'django',
  packages: { debian: MODULES.map(([, pkg]) => pkg) },
  missing: () => missingModule(MODULES),
  async start({ port, snippet, workDir }: StartOptions) {
    const log: string[] = [];
    startproject(workDir, log);
    const project = join(workDir, 'project');
    for (const file of ['views.py', 'urls.py']) copyFileSync(new URL(`./django/${file}`, import.meta.url), join(project, file));
    const settingsFile = join(project, 'settings.py');
    let settings = readFileSync(settingsFile, 'utf8');
    for (const [line, value] of PRODUCTION) {
      if (!line.test(settings)) throw new Error(`startproject's settings.py has no line ${line.source}:\n${settings}`);
      settings = settings.replace(line, value);
    }
    if (snippet) settings = pasteDjango(settings, snippet);
    writeFileSync(settingsFile, settings);
    // What runserver would check first: django-cors-headers validates the pasted settings here.
    if (snippet) log.push(runPython(workDir, ['manage.py', 'check', '--fail-level', 'WARNING']));
    return uvicorn(workDir, 'project.asgi:application', port, () => `\n${log.join('\n')}\n--- settings.py (end)\n${settings.slice(-2_000)}`);
  },
};
