/**
 * The nginx, Apache httpd and Caddy snippets: what the real-server suite proved on the real servers
 * (test/servers/{nginx,apache,caddy}.test.ts, proxy-duplicates.test.ts), kept true line by line here, and the
 * paste steps of those adapters (they must only add the glue the snippet's own text asks for).
 */
import { describe, expect, it } from 'vitest';
import { fixesFor, type Snippet, type StackId } from '../../../../../src/core/fix/index';
import { enabledModules, pasteApache } from '../../../../servers/stacks/apache';
import { pasteCaddy } from '../../../../servers/stacks/caddy';
import { pasteNginx } from '../../../../servers/stacks/nginx';
import { exchangeOf, verdictOf, type Case } from '../build';
import { EN } from '../../../../../src/core/i18n/catalogues';

function snippet(c: Case, stack: StackId): Snippet {
  const found = fixesFor(exchangeOf(c), verdictOf(c)).snippets.find((s) => s.stack === stack);
  if (!found) throw new Error(`no ${stack} snippet`);
  return found;
}

const blocked = (c: Case): Case => ({ kind: 'blocked', code: 'MissingAllowOriginHeader', ...c });
const PATCH = blocked({ method: 'PATCH', headers: ['x-csrf-token'], credentials: true });
const CRASH = blocked({ status: 502 });
const DUPLICATE = blocked({ code: 'MultipleAllowOriginValues', received: 'https://app.example, https://app.example', credentials: true });

/** Lines between the line starting with `open` and the next line that is exactly `close` (at that indent). */
function block(code: string, open: string, close: string): string[] {
  const lines = code.split('\n');
  const start = lines.findIndex((l) => l.startsWith(open));
  if (start < 0) return [];
  const end = lines.indexOf(close, start + 1);
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

describe('nginx snippet', () => {
  it('repeats every header inside the preflight if block (add_header there replaces the location\'s)', () => {
    const { code } = snippet(PATCH, 'nginx');
    const inIf = block(code, '    if ($request_method = OPTIONS) {', '    }');
    for (const name of ['Access-Control-Allow-Origin', 'Access-Control-Allow-Credentials', 'Access-Control-Allow-Methods', 'Access-Control-Allow-Headers', 'Access-Control-Max-Age', 'Vary']) {
      expect(inIf.filter((l) => l.trim().startsWith(`add_header ${name} `) && l.endsWith(' always;')), name).toHaveLength(1);
    }
    expect(inIf.at(-1)?.trim()).toBe('return 204;');
  });

  it('says where it is pasted and where the proxy_pass goes', () => {
    const { code } = snippet(PATCH, 'nginx');
    expect(code).toContain('# Paste inside the server block of this API');
    const pasted = pasteNginx(snippet(PATCH, 'nginx'), 5000);
    expect(pasted).toMatch(/# \.\.\. your existing proxy_pass \/ root directives for this location\n {12}proxy_pass http:\/\/127\.0\.0\.1:5000;\n {8}\}$/);
  });

  it('names the error_page trap only when the failing response was a 5xx', () => {
    expect(snippet(CRASH, 'nginx').code).toContain('error_page 502');
    expect(snippet(PATCH, 'nginx').code).not.toContain('error_page');
  });

  it('hides the upstream copies of Allow-Origin and Allow-Credentials when both layers sent them', () => {
    const { code } = snippet(DUPLICATE, 'nginx');
    expect(code).toContain('proxy_hide_header Access-Control-Allow-Origin;');
    expect(code).toContain('proxy_hide_header Access-Control-Allow-Credentials;');
    expect(snippet(PATCH, 'nginx').code).not.toContain('proxy_hide_header');
  });
});

describe('Apache snippet', () => {
  it('drops the application\'s copies from the table proxied headers live in ("Header unset", not "always")', () => {
    const lines = snippet(DUPLICATE, 'apache').code.split('\n').map((l) => l.trim());
    const unset = lines.indexOf('Header unset Access-Control-Allow-Origin');
    expect(unset).toBeGreaterThan(-1);
    expect(lines).toContain('Header unset Access-Control-Allow-Credentials');
    expect(lines.some((l) => l.startsWith('Header always unset'))).toBe(false);
    expect(unset).toBeLessThan(lines.findIndex((l) => l.startsWith('Header always set Access-Control-Allow-Origin')));
    expect(snippet(PATCH, 'apache').code).not.toContain('unset');
  });

  it('answers the preflight with R=204 and puts the preflight-only headers in an <If> for OPTIONS', () => {
    const { code } = snippet(PATCH, 'apache');
    const inIf = block(code, `    <If "%{REQUEST_METHOD} == 'OPTIONS'">`, '    </If>').map((l) => l.trim());
    expect(inIf).toEqual([
      'Header always set Access-Control-Allow-Methods "PATCH"',
      'Header always set Access-Control-Allow-Headers "x-csrf-token"',
      'Header always set Access-Control-Max-Age "600"',
    ]);
    expect(code).toContain('RewriteCond %{REQUEST_METHOD} =OPTIONS\nRewriteRule "^/api/" - [R=204,L]');
    expect(snippet(blocked({}), 'apache').code).not.toContain('Rewrite');
  });

  it('says where it is pasted and which modules it needs (the adapter loads exactly those)', () => {
    const s = snippet(PATCH, 'apache');
    expect(s.code).toContain('# Paste inside the <VirtualHost> of this API');
    expect(enabledModules(s).split('\n').map((l) => l.split(' ')[1])).toEqual(['headers_module', 'rewrite_module']);
    expect(pasteApache(s).split('\n').every((l) => l === '' || l.startsWith('    '))).toBe(true);
  });
});

describe('Caddy snippet', () => {
  it('sets Allow-Origin, -Credentials and Vary once, in the deferred header block that also covers the preflight answer', () => {
    const { code } = snippet(PATCH, 'caddy');
    const handle = block(code, 'handle @cors_preflight {', '}').map((l) => l.trim());
    expect(handle.filter((l) => l.startsWith('header '))).toEqual([
      'header Access-Control-Allow-Methods "PATCH"',
      'header Access-Control-Allow-Headers "x-csrf-token"',
      'header Access-Control-Max-Age "600"',
    ]);
    expect(handle.at(-1)).toBe('respond 204');
    const header = block(code, 'header /api/* {', '}').map((l) => l.trim());
    expect(header).toContain('defer');
    expect(header).toContain('+Vary "Origin"');
    expect(header).toContain('Access-Control-Allow-Credentials "true"');
    expect(code.match(/\+Vary/g)).toHaveLength(1);
  });

  it('covers the errors Caddy generates itself in handle_errors, keeping their status, when the failing response was a 5xx', () => {
    const s = snippet(CRASH, 'caddy');
    const errors = block(s.code, 'handle_errors {', '}').map((l) => l.trim());
    expect(errors).toContain('Access-Control-Allow-Origin "https://app.example"');
    expect(errors).toContain('+Vary "Origin"');
    expect(errors.at(-1)).toBe('respond "{err.status_code} {err.status_text}"');
    const other = snippet(blocked({ status: 404 }), 'caddy');
    expect(other.code).not.toContain('handle_errors');
    expect(other.notes.map(EN.t).join(' ')).toContain('handle_errors');
  });

  it('says where it is pasted', () => {
    const s = snippet(PATCH, 'caddy');
    expect(s.code).toContain('# Paste inside the site block of this API, above its handle blocks');
    expect(pasteCaddy(s).split('\n').every((l) => l === '' || l.startsWith('\t'))).toBe(true);
  });
});
