import type { FixSpec, Snippet } from '../types';
import { goString } from '../escape';
import { describe, list, VARY_BY_FRAMEWORK } from './common';
import { m, type Msg } from '../../i18n/msg';

/** The failing response was a 5xx (until the spec says so itself). */
function serverError(spec: FixSpec): boolean {
  return spec.errorStatus !== null && spec.errorStatus >= 500;
}

/**
 * A panic must end as a 500 inside c.Handler: then the headers rs/cors set before calling the router are on
 * it. Without a recover, net/http drops the connection and the page sees a network error, not even a status.
 */
const RECOVER = [
  '// The server answered 5xx. Turn a panic into a 500 inside c.Handler, so that it carries the CORS',
  '// headers too (without a recover, net/http drops the connection and the page gets no response).',
  '// An http.TimeoutHandler goes inside c.Handler too: its 503 carries only headers set outside it.',
  'recovered := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {',
  '    defer func() {',
  '        if err := recover(); err != nil {',
  '            if err == http.ErrAbortHandler {',
  '                panic(err)',
  '            }',
  '            // log err with your logger here',
  '            http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)',
  '        }',
  '    }()',
  '    mux.ServeHTTP(w, r)',
  '})',
];

const OUTERMOST = (): Msg => m('fix_stack_go_outermost');

export function go(spec: FixSpec): Snippet {
  const opts = [
    `    AllowedOrigins:   []string{${goString(spec.origin)}}, // exact origin; rs/cors adds Vary: Origin`,
    `    AllowedMethods:   []string{${list([spec.method], goString)}},`,
  ];
  if (spec.requestHeaders.length) opts.push(`    AllowedHeaders:   []string{${list(spec.requestHeaders, goString)}},`);
  if (spec.credentials) opts.push('    AllowCredentials: true,');
  if (spec.preflight) opts.push(`    MaxAge:           ${spec.maxAge},`);
  const wrapped = serverError(spec) ? 'recovered' : 'mux';
  const code = [
    `// ${describe(spec)}`,
    '// 1. go get github.com/rs/cors, then add this import below the other imports of the file that builds your router:',
    'import "github.com/rs/cors"',
    '',
    '// 2. In the function that builds your router (mux), after its routes:',
    'c := cors.New(cors.Options{',
    ...opts,
    '})',
    ...(serverError(spec) ? RECOVER : []),
    '// 3. Serve handler where you served mux. Wrapping the whole router, CORS answers OPTIONS before any auth middleware.',
    `handler := c.Handler(${wrapped})`,
  ];
  return { stack: 'go', label: 'Go (rs/cors)', language: 'go', code: code.join('\n'), notes: [VARY_BY_FRAMEWORK(), OUTERMOST()] };
}
