import type { FixSpec, Snippet } from '../types';
import { pyString } from '../escape';
import { describe, list, VARY_BY_FRAMEWORK } from './common';

export function fastapi(spec: FixSpec): Snippet {
  const args = [
    '    CORSMiddleware,',
    `    allow_origins=[${pyString(spec.origin)}],  # exact origin; adds Vary: Origin`,
    `    allow_methods=[${list([spec.method], pyString)}],`,
  ];
  if (spec.requestHeaders.length) args.push(`    allow_headers=[${list(spec.requestHeaders, pyString)}],`);
  if (spec.credentials) args.push('    allow_credentials=True,');
  if (spec.preflight) args.push(`    max_age=${spec.maxAge},`);
  const code = [
    `# ${describe(spec)}`,
    'from fastapi.middleware.cors import CORSMiddleware  # Starlette: starlette.middleware.cors',
    '',
    '# Add it last so it is the outermost middleware and answers preflights first.',
    'app.add_middleware(',
    ...args,
    ')',
  ];
  return { stack: 'fastapi', label: 'FastAPI / Starlette (CORSMiddleware)', language: 'python', code: code.join('\n'), notes: [VARY_BY_FRAMEWORK] };
}
