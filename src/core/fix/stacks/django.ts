import type { FixSpec, Snippet } from '../types';
import { pyString } from '../escape';
import { describe, list, regexPrefix, VARY_BY_FRAMEWORK } from './common';

/** Methods Django's CsrfViewMiddleware never checks. */
const CSRF_SAFE = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE']);

const CSRF =
  "Django's CSRF check (CsrfViewMiddleware) applies to this cross-origin request whatever CORS says: a JSON API that checks its own token marks its views @csrf_exempt; otherwise the page must send the csrftoken cookie's value in an X-CSRFToken header (add \"x-csrftoken\" to CORS_ALLOW_HEADERS), and the page's origin must be in CSRF_TRUSTED_ORIGINS (Django 4.0+ checks the Origin header and wants the scheme, for example \"https://app.example\"; before 4.0 only HTTPS requests are checked, by host).";

const SERVER_ERROR =
  "Django's own error responses (an unhandled exception's 500, with DEBUG on or off) pass through CorsMiddleware and carry the headers. A 502 or 504 comes from the server in front of Django (gunicorn's worker timeout, nginx, a load balancer): add the headers there as well.";

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
  const notes = [VARY_BY_FRAMEWORK];
  if (!CSRF_SAFE.has(spec.method.toUpperCase())) notes.push(CSRF);
  if (spec.serverError) notes.push(SERVER_ERROR);
  return { stack: 'django', label: 'Django (django-cors-headers)', language: 'python', code: code.join('\n'), notes };
}
