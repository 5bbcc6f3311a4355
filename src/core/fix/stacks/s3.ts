import type { FixSpec, Snippet } from '../types';
import { jsonString } from '../escape';
import { commentText } from '../escape';
import { list } from './common';

const S3_METHODS = new Set(['GET', 'PUT', 'POST', 'DELETE', 'HEAD']);

export function s3(spec: FixSpec): Snippet {
  const method = spec.method.toUpperCase();
  const rule = [`      "AllowedOrigins": [${jsonString(spec.origin)}]`, `      "AllowedMethods": [${list([method], jsonString)}]`];
  if (spec.requestHeaders.length) rule.push(`      "AllowedHeaders": [${list(spec.requestHeaders, jsonString)}]`);
  if (spec.preflight) rule.push(`      "MaxAgeSeconds": ${spec.maxAge}`);
  const code = ['{', '  "CORSRules": [', '    {', rule.join(',\n'), '    }', '  ]', '}'];
  const notes = [
    'Save this as cors.json and apply it with: aws s3api put-bucket-cors --bucket <your-bucket> --cors-configuration file://cors.json (the S3 console takes only the array inside CORSRules).',
    'S3 echoes the matching origin and adds "Vary: Origin" and "Access-Control-Allow-Credentials: true" itself when AllowedOrigins is not "*".',
  ];
  if (!S3_METHODS.has(method)) notes.push(`S3 CORS rules accept only GET, PUT, POST, DELETE and HEAD: "${commentText(spec.method)}" cannot be allowed on a bucket.`);
  if (method !== spec.method) notes.push(`S3 answers with the upper-case method; the page sends "${commentText(spec.method)}", which browsers compare case-sensitively: send "${method}".`);
  return { stack: 's3', label: 'Amazon S3 bucket CORS', language: 'json', code: code.join('\n'), notes };
}
