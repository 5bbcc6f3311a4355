import type { FixSpec, Snippet } from '../types';
import { goString } from '../escape';
import { describe, list, VARY_BY_FRAMEWORK } from './common';

export function go(spec: FixSpec): Snippet {
  const opts = [
    `    AllowedOrigins:   []string{${goString(spec.origin)}}, // exact origin; rs/cors adds Vary: Origin`,
    `    AllowedMethods:   []string{${list([spec.method], goString)}},`,
  ];
  if (spec.requestHeaders.length) opts.push(`    AllowedHeaders:   []string{${list(spec.requestHeaders, goString)}},`);
  if (spec.credentials) opts.push('    AllowCredentials: true,');
  if (spec.preflight) opts.push(`    MaxAge:           ${spec.maxAge},`);
  const code = [
    `// ${describe(spec)}`,
    '// go get github.com/rs/cors',
    'import "github.com/rs/cors"',
    '',
    'c := cors.New(cors.Options{',
    ...opts,
    '})',
    '// Wrap the whole router so OPTIONS is answered before any auth middleware.',
    'handler := c.Handler(mux)',
  ];
  return { stack: 'go', label: 'Go (rs/cors)', language: 'go', code: code.join('\n'), notes: [VARY_BY_FRAMEWORK] };
}
