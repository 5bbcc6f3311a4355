import type { FixSpec, HeaderLine, Snippet } from '../types';
import { apacheString } from '../escape';
import { preflightHeaders, responseHeaders } from '../step-fixes';
import { describe, regexPrefix } from './common';
import { m } from '../../i18n/msg';

const PREFLIGHT_ONLY = new Set(['Access-Control-Allow-Methods', 'Access-Control-Allow-Headers', 'Access-Control-Max-Age']);

const setLine = (h: HeaderLine, indent: string): string =>
  h.name === 'Vary'
    ? `${indent}Header always merge Vary ${apacheString(h.value)}`
    : `${indent}Header always set ${h.name} ${apacheString(h.value)}`;

export function apache(spec: FixSpec): Snippet {
  const code = [
    `# ${describe(spec)}`,
    '# Paste inside the <VirtualHost> of this API (or the main server config).',
    '# Needs mod_headers and mod_rewrite (a2enmod headers rewrite).',
    `<Location "${spec.pathPrefix}">`,
  ];
  if (spec.duplicateAllowOrigin) {
    code.push(
      '    # Drop the copies the application sends, so only the lines below are left. A proxied response keeps',
      '    # them where "Header" without "always" works ("Header always unset" would miss them).',
      '    Header unset Access-Control-Allow-Origin',
      '    Header unset Access-Control-Allow-Credentials',
    );
  }
  code.push('    # "always" keeps the headers on error responses too.', ...responseHeaders(spec).map((h) => setLine(h, '    ')));
  if (spec.preflight) {
    const extra = preflightHeaders(spec).filter((h) => PREFLIGHT_ONLY.has(h.name));
    code.push(`    <If "%{REQUEST_METHOD} == 'OPTIONS'">`, ...extra.map((h) => setLine(h, '        ')), '    </If>');
  }
  code.push('</Location>');
  if (spec.preflight) {
    code.push(
      '',
      '# Answer the preflight with 204 before authentication, redirects or proxying: in the same virtual host,',
      '# above any other RewriteRule (rules run in the order they are written).',
      'RewriteEngine On',
      'RewriteCond %{REQUEST_METHOD} =OPTIONS',
      `RewriteRule "^${regexPrefix(spec.pathPrefix)}" - [R=204,L]`,
    );
  }
  return {
    stack: 'apache',
    label: 'Apache httpd',
    language: 'apache',
    code: code.join('\n'),
    notes: [m('fix_stack_apache_always')],
  };
}
