import type { FixSpec, Snippet } from '../types';
import { jsonString } from '../escape';
import { commentText } from '../escape';
import { list } from './common';
import { m } from '../../i18n/msg';

const S3_METHODS = new Set(['GET', 'PUT', 'POST', 'DELETE', 'HEAD']);

export function s3(spec: FixSpec): Snippet {
  const method = spec.method.toUpperCase();
  const rule = [`      "AllowedOrigins": [${jsonString(spec.origin)}]`, `      "AllowedMethods": [${list([method], jsonString)}]`];
  if (spec.requestHeaders.length) rule.push(`      "AllowedHeaders": [${list(spec.requestHeaders, jsonString)}]`);
  if (spec.preflight) rule.push(`      "MaxAgeSeconds": ${spec.maxAge}`);
  const code = ['{', '  "CORSRules": [', '    {', rule.join(',\n'), '    }', '  ]', '}'];
  const notes = [m('fix_stack_s3_apply'), m('fix_stack_s3_echo')];
  if (!S3_METHODS.has(method)) notes.push(m('fix_stack_s3_method', { method: commentText(spec.method) }));
  if (method !== spec.method) notes.push(m('fix_stack_s3_case', { method: commentText(spec.method), upper: method }));
  return { stack: 's3', label: 'Amazon S3 bucket CORS', language: 'json', code: code.join('\n'), notes };
}
