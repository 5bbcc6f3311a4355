/**
 * Rails 6.1 (Debian ruby-railties) with rack-cors 1.1 (Debian ruby-rack-cors), served by puma 5.6 (Debian).
 * Each start copies a minimal API-only app laid out as `rails new --api` does (rails/: Gemfile resolved
 * offline against Debian's gems by Bundler, config/, app/controllers/), runs it in production (an unhandled
 * exception gets Rails's own 500), and pastes the snippet as its numbered steps say: the gem line at the end
 * of the Gemfile, the rest in config/initializers/cors.rb.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Snippet } from '../../../src/core/fix';
import type { RunningServer, StackAdapter, StartOptions } from '../support/contract';
import { spawnServer } from '../support/process';
import { lineWith } from './template';
import { EN } from '../../../src/core/i18n/catalogues';

const PUMA = '/usr/bin/puma';
const LIBRARIES = [['rails', 'ruby-railties'], ['action_controller/railtie', 'ruby-railties'], ['rack/cors', 'ruby-rack-cors']] as const;

function missing(): string | null {
  if (!existsSync('/usr/bin/ruby')) return 'ruby';
  if (!existsSync(PUMA)) return 'puma';
  for (const [library, pkg] of LIBRARIES) {
    if (spawnSync('/usr/bin/ruby', ['-e', `require ${JSON.stringify(library)}`], { stdio: 'ignore' }).status !== 0) return pkg;
  }
  return null;
}

export interface RailsPaste {
  /** Lines to add at the end of the Gemfile. */
  gemfile: string;
  /** config/initializers/cors.rb */
  initializer: string;
}

/** Where the snippet's steps say each part goes: the Gemfile line it quotes, and the initializer file. */
export function pasteRails(snippet: Snippet): RailsPaste {
  const gemLine = lineWith(snippet.code, 'Add to your Gemfile', 'what to add to the Gemfile');
  const gem = /gem "[^"]+"/.exec(gemLine)?.[0];
  if (!gem) throw new Error(`the Gemfile step names no gem: ${gemLine}`);
  lineWith(snippet.code, 'config/initializers/cors.rb', 'where the configuration goes');
  return { gemfile: `${gem}\n`, initializer: `${snippet.code}\n` };
}

export const railsAdapter: StackAdapter = {
  stack: 'rails',
  packages: { debian: ['ruby-railties', 'ruby-rack-cors', 'puma'] },
  missing,
  async start({ port, snippet, workDir }: StartOptions) {
    cpSync(fileURLToPath(new URL('./rails/', import.meta.url)), workDir, { recursive: true });
    const pasted = snippet ? pasteRails(snippet) : null;
    if (pasted) {
      appendFileSync(join(workDir, 'Gemfile'), pasted.gemfile);
      mkdirSync(join(workDir, 'config/initializers'), { recursive: true });
      writeFileSync(join(workDir, 'config/initializers/cors.rb'), pasted.initializer);
    }
    return spawnServer({
      command: PUMA,
      args: ['--bind', `tcp://127.0.0.1:${port}`, '--environment', 'production', '--threads', '1:4', 'config.ru'],
      port,
      // booting Rails (eager loading in production) takes seconds, more on a busy machine
      timeoutMs: 90_000,
      cwd: workDir,
      env: {
        SECRET_KEY_BASE: 'cors-lens-real-server-suite-not-a-secret',
        BUNDLE_GEMFILE: join(workDir, 'Gemfile'),
        BUNDLE_APP_CONFIG: join(workDir, '.bundle'),
        RAILS_LOG_TO_STDOUT: '1',
      },
      extraLog: () => (pasted ? `\n--- Gemfile\n${readFileSync(join(workDir, 'Gemfile'), 'utf8')}--- config/initializers/cors.rb\n${pasted.initializer}` : ''),
    });
  },
};

/**
 * The snippet's configuration in a plain Rack app's config.ru, as its note says: the same block, opened with
 * `use Rack::Cors do` in place of the Rails line.
 */
export function rackUse(snippet: Snippet): string {
  const railsLine = lineWith(snippet.code, 'Rails.application.config.middleware.insert_before 0, Rack::Cors do', 'the Rails line');
  if (!snippet.notes.map(EN.t).some((n) => n.includes('config.ru before `run`, as `use Rack::Cors do ... end`'))) {
    throw new Error(`the snippet's notes do not say how to use it in plain Rack: ${snippet.notes.map(EN.t).join(' | ')}`);
  }
  return snippet.code.replace(railsLine, 'use Rack::Cors do');
}

/** Serves a plain Rack config.ru (no Rails, no Bundler) with puma on 127.0.0.1:port. */
export function startRack(port: number, workDir: string, configRu: string): Promise<RunningServer> {
  writeFileSync(join(workDir, 'config.ru'), configRu);
  return spawnServer({
    command: PUMA, args: ['--bind', `tcp://127.0.0.1:${port}`, '--environment', 'production', 'config.ru'], port, cwd: workDir,
    extraLog: () => `\n--- config.ru\n${configRu}`,
  });
}
