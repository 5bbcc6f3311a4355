import type { FixSpec, Snippet } from '../types';
import { jsString } from '../escape';
import { describe, list } from './common';
import { m } from '../../i18n/msg';

export function express(spec: FixSpec): Snippet {
  const opts = [`  origin: ${jsString(spec.origin)}, // exact origin; cors then adds "Vary: Origin"`];
  opts.push(`  methods: [${list([spec.method], jsString)}],`);
  if (spec.requestHeaders.length) opts.push(`  allowedHeaders: [${list(spec.requestHeaders, jsString)}],`);
  if (spec.credentials) opts.push('  credentials: true, // Access-Control-Allow-Credentials: true');
  if (spec.preflight) opts.push(`  maxAge: ${spec.maxAge},`, '  optionsSuccessStatus: 204,');
  const code = [
    `// ${describe(spec)}`,
    "// npm install cors, then import it with your other imports (CommonJS: const cors = require('cors');)",
    "import cors from 'cors';",
    '',
    'const corsOptions = {',
    ...opts,
    '};',
    '',
    '// Paste right after `const app = express();`, before any other app.use(), router, authentication or',
    '// error handler: it answers the OPTIONS preflight itself, and its headers stay on error responses',
    "// (also Express's own 500 for an unhandled exception).",
    'app.use(cors(corsOptions));',
  ];
  const notes = [m('fix_stack_express_order')];
  if (spec.duplicateAllowOrigin) notes.push(m('fix_stack_express_duplicate'));
  return { stack: 'express', label: 'Express (cors)', language: 'javascript', code: code.join('\n'), notes };
}
