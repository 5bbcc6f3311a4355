import type { FixSpec, Snippet } from '../types';
import { rubyString } from '../escape';
import { describe, list, VARY_BY_FRAMEWORK } from './common';
import { m, type Msg } from '../../i18n/msg';

/** rack-cors documents methods as symbols; fall back to a string for unusual method names. */
function method(m: string): string {
  return /^[a-z]+$/i.test(m) ? `:${m.toLowerCase()}` : rubyString(m);
}

/**
 * rack-cors compares an http(s) origin as a string but reads any other bare word as a host name (it compiles
 * "null" to /^[a-z][a-z0-9.+-]*:\/\/null$/, which the origin "null" never matches): those take a block.
 */
function origins(origin: string): string {
  const literal = rubyString(origin);
  return /^https?:\/\//.test(origin) ? `origins ${literal} # exact origin` : `origins { |source, _env| source == ${literal} } # exact origin`;
}

/** The failing response was a 5xx (until the spec says so itself). */
function serverError(spec: FixSpec): boolean {
  return spec.errorStatus !== null && spec.errorStatus >= 500;
}

/** Why position 0 covers Rails's own error responses (only said when the failing response was a 5xx). */
const OUTERMOST = [
  '# The server answered 5xx. At position 0 Rack::Cors is outside ActionDispatch::ShowExceptions, so the',
  '# 500 page Rails renders itself for an unhandled exception passes through it and carries the headers too.',
];

/**
 * The same configuration in a plain Rack app. There nothing turns an exception into a response inside the
 * app: it passes through Rack::Cors and the server (puma) writes its own 500, without the headers.
 */
const PLAIN_RACK = (): Msg => m('fix_stack_rails_plain_rack');

export function rails(spec: FixSpec): Snippet {
  const opts = [`      methods: [${method(spec.method)}]`];
  if (spec.requestHeaders.length) opts.push(`      headers: [${list(spec.requestHeaders, rubyString)}]`);
  if (spec.credentials) opts.push('      credentials: true');
  if (spec.preflight) opts.push(`      max_age: ${spec.maxAge}`);
  const code = [
    `# ${describe(spec)}`,
    '# 1. Add to your Gemfile, then run bundle install:  gem "rack-cors"',
    '# 2. Put the rest in config/initializers/cors.rb:',
    ...(serverError(spec) ? OUTERMOST : []),
    'Rails.application.config.middleware.insert_before 0, Rack::Cors do',
    '  allow do',
    `    ${origins(spec.origin)}; rack-cors adds Vary: Origin`,
    `    resource ${rubyString(spec.pathPrefix + '*')},`,
    opts.join(',\n'),
    '  end',
    'end',
  ];
  return { stack: 'rails', label: 'Rails (rack-cors)', language: 'ruby', code: code.join('\n'), notes: [VARY_BY_FRAMEWORK(), PLAIN_RACK()] };
}
