import type { FixSpec, Snippet } from '../types';
import { rubyString } from '../escape';
import { describe, list, VARY_BY_FRAMEWORK } from './common';

/** rack-cors documents methods as symbols; fall back to a string for unusual method names. */
function method(m: string): string {
  return /^[a-z]+$/i.test(m) ? `:${m.toLowerCase()}` : rubyString(m);
}

export function rails(spec: FixSpec): Snippet {
  const opts = [`      methods: [${method(spec.method)}]`];
  if (spec.requestHeaders.length) opts.push(`      headers: [${list(spec.requestHeaders, rubyString)}]`);
  if (spec.credentials) opts.push('      credentials: true');
  if (spec.preflight) opts.push(`      max_age: ${spec.maxAge}`);
  const code = [
    `# ${describe(spec)}`,
    '# Gemfile: gem "rack-cors"   --  config/initializers/cors.rb:',
    'Rails.application.config.middleware.insert_before 0, Rack::Cors do',
    '  allow do',
    `    origins ${rubyString(spec.origin)} # exact origin; rack-cors adds Vary: Origin`,
    `    resource ${rubyString(spec.pathPrefix + '*')},`,
    opts.join(',\n'),
    '  end',
    'end',
  ];
  return { stack: 'rails', label: 'Rails (rack-cors)', language: 'ruby', code: code.join('\n'), notes: [VARY_BY_FRAMEWORK] };
}
