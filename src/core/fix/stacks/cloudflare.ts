import type { FixSpec, HeaderLine, Snippet } from '../types';
import { jsString } from '../escape';
import { preflightHeaders, responseHeaders } from '../step-fixes';
import { describe } from './common';
import { m } from '../../i18n/msg';

const entries = (lines: HeaderLine[]): string[] => lines.map((h) => `  ${jsString(h.name)}: ${jsString(h.value)},`);

export function cloudflareWorker(spec: FixSpec): Snippet {
  const actual = responseHeaders(spec).filter((h) => h.name !== 'Vary');
  const code = [
    `// ${describe(spec)}`,
    '// This is the whole Worker: deploy it on the route in front of your origin (it passes every request on',
    '// with fetch(request)). If you already have a Worker, pass what its fetch handler returns through withCors().',
    'const CORS_HEADERS = {', ...entries(actual), '};',
  ];
  if (spec.preflight) code.push('', 'const PREFLIGHT_HEADERS = {', ...entries(preflightHeaders(spec)), '};');
  code.push(
    '',
    'function withCors(response) {',
    '  const copy = new Response(response.body, response); // mutable copy, any status',
    '  for (const [name, value] of Object.entries(CORS_HEADERS)) copy.headers.set(name, value);',
    '  copy.headers.append("Vary", "Origin");',
    '  return copy;',
    '}',
    '',
    'export default {',
    '  async fetch(request) {',
  );
  if (spec.preflight) {
    code.push(
      '    if (request.method === "OPTIONS") {',
      '      return new Response(null, { status: 204, headers: PREFLIGHT_HEADERS });',
      '    }',
    );
  }
  code.push(
    '    let upstream;',
    '    try {',
    '      upstream = await fetch(request);',
    '    } catch {',
    '      // The origin is down or dropped the connection: answer 502 with the CORS headers, so the page can',
    '      // read the error instead of seeing a CORS failure.',
    '      return withCors(new Response("Bad Gateway: the origin did not answer", { status: 502 }));',
    '    }',
    '    return withCors(upstream);',
    '  },',
    '};',
  );
  const notes = [m('fix_stack_cloudflare_set')];
  if (spec.serverError) {
    notes.push(m('fix_stack_cloudflare_server_error'));
  }
  return { stack: 'cloudflare-worker', label: 'Cloudflare Worker', language: 'javascript', code: code.join('\n'), notes };
}
