import type { FixSpec, Snippet } from '../types';
import { pyString } from '../escape';
import { describe, list, VARY_BY_FRAMEWORK } from './common';

const OUTSIDE_ADD_MIDDLEWARE =
  'Starlette answers an unhandled exception from its ServerErrorMiddleware, which sits outside every app.add_middleware() middleware: that 500 carries no CORS headers and the browser reports a CORS error instead. To cover it, wrap the whole app at the end of the module: app = CORSMiddleware(app, ...) with the same arguments.';

const WRAPPED =
  'From the wrapping line on, `app` is the CORS wrapper (still served as `uvicorn <module>:app`). If your tests use app.dependency_overrides, keep the FastAPI object under another name first (api = app).';

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
    notes: [VARY_BY_FRAMEWORK, spec.serverError ? WRAPPED : OUTSIDE_ADD_MIDDLEWARE],
  };
}
