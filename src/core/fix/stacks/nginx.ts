import type { FixSpec, HeaderLine, Snippet } from '../types';
import { nginxString } from '../escape';
import { preflightHeaders, responseHeaders } from '../step-fixes';
import { describe } from './common';
import { m } from '../../i18n/msg';

const addHeaders = (lines: HeaderLine[], indent: string): string[] =>
  lines.map((h) => `${indent}add_header ${h.name} ${nginxString(h.value)} always;`);

export function nginx(spec: FixSpec): Snippet {
  const code = [
    `# ${describe(spec)}`,
    `# Paste inside the server block of this API, next to its other location blocks (if it already has`,
    `# "location ${spec.pathPrefix} {", put these lines in that block instead).`,
    `location ${spec.pathPrefix} {`,
  ];
  if (spec.preflight) {
    code.push(
      '    # Answer the preflight here: 204, no redirect, no auth.',
      '    if ($request_method = OPTIONS) {',
      ...addHeaders(preflightHeaders(spec), '        '),
      '        return 204;',
      '    }',
    );
  }
  if (spec.duplicateAllowOrigin) {
    code.push('    # The upstream app adds these too: hide its copies so only one line is sent.');
    code.push('    proxy_hide_header Access-Control-Allow-Origin;', '    proxy_hide_header Access-Control-Allow-Credentials;');
  }
  code.push('    # "always" keeps the headers on 4xx/5xx responses too.');
  if (spec.serverError) {
    code.push(
      "    # nginx's own 502/504 (upstream down or cut off) gets them as well, unless the server block sends",
      '    # 5xx to an error page (error_page 502 /50x.html): then add these lines to that location too.',
    );
  }
  code.push(
    ...addHeaders(responseHeaders(spec), '    '),
    '',
    '    # ... your existing proxy_pass / root directives for this location',
    '}',
  );
  return {
    stack: 'nginx',
    label: 'nginx',
    language: 'nginx',
    code: code.join('\n'),
    notes: [m('fix_stack_nginx_inherit')],
  };
}
