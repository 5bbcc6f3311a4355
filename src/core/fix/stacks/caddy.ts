import type { FixSpec, Snippet } from '../types';
import { caddyString } from '../escape';
import { preflightHeaders, responseHeaders } from '../steps';
import { describe } from './common';

export function caddy(spec: FixSpec): Snippet {
  const path = `${spec.pathPrefix}*`;
  const code = [`# ${describe(spec)}`, '# Inside your site block.'];
  if (spec.preflight) {
    code.push(
      '@cors_preflight {',
      '    method OPTIONS',
      `    path ${path}`,
      '}',
      'handle @cors_preflight {',
      ...preflightHeaders(spec).map((h) => `    header ${h.name === 'Vary' ? '+Vary' : h.name} ${caddyString(h.value)}`),
      '    respond 204',
      '}',
    );
  }
  code.push(
    `header ${path} {`,
    '    # defer: applied when the response is written, replacing copies from the upstream app',
    '    defer',
    ...responseHeaders(spec).map((h) => `    ${h.name === 'Vary' ? '+Vary' : h.name} ${caddyString(h.value)}`),
    '}',
  );
  return {
    stack: 'caddy',
    label: 'Caddy',
    language: 'caddyfile',
    code: code.join('\n'),
    notes: ['Errors produced by Caddy itself go through handle_errors: add the same header block there if the failure was on such a response.'],
  };
}
