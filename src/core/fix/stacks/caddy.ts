import type { FixSpec, HeaderLine, Snippet } from '../types';
import { caddyString } from '../escape';
import { preflightHeaders, responseHeaders } from '../step-fixes';
import { describe } from './common';
import { m } from '../../i18n/msg';

/** Set by the header block on every response under the path, the preflight answer included. */
const ON_EVERY_RESPONSE = new Set(['Access-Control-Allow-Origin', 'Access-Control-Allow-Credentials', 'Vary']);

/** A header field line (`+Vary` adds to the upstream's Vary instead of replacing it). */
const field = (h: HeaderLine): string => `${h.name === 'Vary' ? '+Vary' : h.name} ${caddyString(h.value)}`;

export function caddy(spec: FixSpec): Snippet {
  const path = `${spec.pathPrefix}*`;
  const headers = responseHeaders(spec).map(field);
  const code = [
    `# ${describe(spec)}`,
    '# Paste inside the site block of this API, above its handle blocks (Caddy tries handle blocks for the',
    '# same path in the order they are written, so the preflight answer must come first).',
    `header ${path} {`,
    '    # defer: applied when the response is written, replacing copies from the upstream app',
    '    defer',
    ...headers.map((h) => `    ${h}`),
    '}',
  ];
  if (spec.preflight) {
    code.push(
      '@cors_preflight {',
      '    method OPTIONS',
      `    path ${path}`,
      '}',
      'handle @cors_preflight {',
      '    # The header block above adds Allow-Origin, Vary (and Allow-Credentials) to this answer too.',
      ...preflightHeaders(spec).filter((h) => !ON_EVERY_RESPONSE.has(h.name)).map((h) => `    header ${field(h)}`),
      '    respond 204',
      '}',
    );
  }
  if (spec.serverError) {
    code.push(
      '# Errors Caddy generates itself (502 when the upstream is down or drops the connection, 504…) skip the',
      '# header block above: they go through handle_errors. If the site already has handle_errors, add this',
      '# header block to it instead (keep its respond or file_server).',
      'handle_errors {',
      `    header ${path} {`,
      ...headers.map((h) => `        ${h}`),
      '    }',
      '    respond "{err.status_code} {err.status_text}"',
      '}',
    );
  }
  return {
    stack: 'caddy',
    label: 'Caddy',
    language: 'caddyfile',
    code: code.join('\n'),
    notes: spec.serverError
      ? []
      : [m('fix_stack_caddy_errors')],
  };
}
