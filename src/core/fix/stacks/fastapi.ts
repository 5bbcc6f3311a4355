import type { FixSpec, Snippet } from '../types';
import { pyString } from '../escape';
import { describe, list, VARY_BY_FRAMEWORK } from './common';
import { m, type Msg } from '../../i18n/msg';

const OUTSIDE_ADD_MIDDLEWARE = (): Msg => m('fix_stack_fastapi_outside');

const WRAPPED = (): Msg => m('fix_stack_fastapi_wrapped');

export function fastapi(spec: FixSpec): Snippet {
  const args = [
    `    allow_origins=[${pyString(spec.origin)}],  # exact origin; adds Vary: Origin`,
    `    allow_methods=[${list([spec.method], pyString)}],`,
  ];
  if (spec.requestHeaders.length) args.push(`    allow_headers=[${list(spec.requestHeaders, pyString)}],`);
  if (spec.credentials) args.push('    allow_credentials=True,');
  if (spec.preflight) args.push(`    max_age=${spec.maxAge},`);
  const head = [`# ${describe(spec)}`];
  const importLine = 'from fastapi.middleware.cors import CORSMiddleware  # Starlette: starlette.middleware.cors';
  const code = spec.serverError
    ? [
        ...head,
        '# Paste at the very end of the module that creates `app`, after every route, include_router()',
        '# and add_middleware() call.',
        importLine,
        '',
        '# The server answered 5xx. Errors Starlette answers itself (an unhandled exception) come from its',
        '# ServerErrorMiddleware, outside every app.add_middleware() middleware, so they would carry no CORS',
        '# headers. Wrapping the whole app puts CORS outside it: those 500s carry the headers too.',
        'app = CORSMiddleware(',
        '    app,',
        ...args,
        ')',
      ]
    : [
        ...head,
        '# Paste at the end of the module that creates `app`, after its routes and other add_middleware() calls.',
        importLine,
        '',
        '# Added last, it is the outermost of your middleware and answers preflights first.',
        'app.add_middleware(',
        '    CORSMiddleware,',
        ...args,
        ')',
      ];
  return {
    stack: 'fastapi',
    label: 'FastAPI / Starlette (CORSMiddleware)',
    language: 'python',
    code: code.join('\n'),
    notes: [VARY_BY_FRAMEWORK(), spec.serverError ? WRAPPED() : OUTSIDE_ADD_MIDDLEWARE()],
  };
}
