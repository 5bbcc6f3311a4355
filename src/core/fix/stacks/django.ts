import type { FixSpec, Snippet } from '../types';
import { pyString } from '../escape';
import { describe, list, regexPrefix, VARY_BY_FRAMEWORK } from './common';

export function django(spec: FixSpec): Snippet {
  const code = [
    `# ${describe(spec)}`,
    '# pip install django-cors-headers  -- then, at the end of settings.py:',
    'INSTALLED_APPS += ["corsheaders"]',
    '# First middleware, before CommonMiddleware and authentication:',
    'MIDDLEWARE.insert(0, "corsheaders.middleware.CorsMiddleware")',
    '',
    `CORS_ALLOWED_ORIGINS = [${pyString(spec.origin)}]  # exact origin`,
    `CORS_ALLOW_METHODS = [${list([spec.method], pyString)}]`,
  ];
  if (spec.requestHeaders.length) code.push(`CORS_ALLOW_HEADERS = [${list(spec.requestHeaders, pyString)}]`);
  if (spec.credentials) code.push('CORS_ALLOW_CREDENTIALS = True');
  if (spec.preflight) code.push(`CORS_PREFLIGHT_MAX_AGE = ${spec.maxAge}`);
  code.push(`CORS_URLS_REGEX = ${pyString(`^${regexPrefix(spec.pathPrefix)}.*$`)}`);
  code.push('# django-cors-headers adds "Vary: Origin" to the responses it handles.');
  return { stack: 'django', label: 'Django (django-cors-headers)', language: 'python', code: code.join('\n'), notes: [VARY_BY_FRAMEWORK] };
}
