import type { FixSpec, HeaderLine, Snippet } from '../types';
import { jsString } from '../escape';
import { preflightHeaders, responseHeaders } from '../steps';
import { describe } from './common';

const entries = (lines: HeaderLine[]): string[] => lines.map((h) => `  ${jsString(h.name)}: ${jsString(h.value)},`);

export function cloudflareWorker(spec: FixSpec): Snippet {
  const actual = responseHeaders(spec).filter((h) => h.name !== 'Vary');
  const code = [`// ${describe(spec)}`, 'const CORS_HEADERS = {', ...entries(actual), '};'];
  if (spec.preflight) code.push('', 'const PREFLIGHT_HEADERS = {', ...entries(preflightHeaders(spec)), '};');
  code.push('', 'export default {', '  async fetch(request) {');
  if (spec.preflight) {
    code.push(
      '    if (request.method === "OPTIONS") {',
      '      return new Response(null, { status: 204, headers: PREFLIGHT_HEADERS });',
      '    }',
    );
  }
  code.push(
    '    const upstream = await fetch(request);',
    '    const response = new Response(upstream.body, upstream); // mutable copy, any status',
    '    for (const [name, value] of Object.entries(CORS_HEADERS)) response.headers.set(name, value);',
    '    response.headers.append("Vary", "Origin");',
    '    return response;',
    '  },',
    '};',
  );
  return {
    stack: 'cloudflare-worker',
    label: 'Cloudflare Worker',
    language: 'javascript',
    code: code.join('\n'),
    notes: ['headers.set replaces any Access-Control-Allow-Origin the origin server already sent, so only one line reaches the browser.'],
  };
}
