import type { FixSpec, Snippet } from '../types';
import { pyString } from '../escape';
import { describe, list, regexPrefix, VARY_BY_FRAMEWORK } from './common';
import { m, type Msg } from '../../i18n/msg';

/** Methods Django's CsrfViewMiddleware never checks. */
const CSRF_SAFE = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE']);

const CSRF = (): Msg => m('fix_stack_django_csrf');

const SERVER_ERROR = (): Msg => m('fix_stack_django_server_error');

export function django(spec: FixSpec): Snippet {
  const code = [
    `# ${describe(spec)}`,
    '# pip install django-cors-headers  -- then, at the end of settings.py:',
    'INSTALLED_APPS = [*INSTALLED_APPS, "corsheaders"]',
    '# First middleware, so it answers preflights and also adds the headers to responses that other',
    '# middleware (CommonMiddleware, authentication) or Django\'s error handling produce:',
    'MIDDLEWARE = ["corsheaders.middleware.CorsMiddleware", *MIDDLEWARE]',
    '',
    `CORS_ALLOWED_ORIGINS = [${pyString(spec.origin)}]  # exact origin`,
    `CORS_ALLOW_METHODS = [${list([spec.method], pyString)}]`,
  ];
  if (spec.requestHeaders.length) code.push(`CORS_ALLOW_HEADERS = [${list(spec.requestHeaders, pyString)}]`);
  if (spec.credentials) code.push('CORS_ALLOW_CREDENTIALS = True');
  if (spec.preflight) code.push(`CORS_PREFLIGHT_MAX_AGE = ${spec.maxAge}`);
  code.push(`CORS_URLS_REGEX = ${pyString(`^${regexPrefix(spec.pathPrefix)}.*$`)}  # matched against request.path_info`);
  code.push('# django-cors-headers adds "Vary: Origin" to the responses it handles.');
  const notes = [VARY_BY_FRAMEWORK()];
  if (!CSRF_SAFE.has(spec.method.toUpperCase())) notes.push(CSRF());
  if (spec.serverError) notes.push(SERVER_ERROR());
  return { stack: 'django', label: 'Django (django-cors-headers)', language: 'python', code: code.join('\n'), notes };
}
