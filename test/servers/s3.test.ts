import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/core/classify/classify';
import { fixesFor } from '../../src/core/fix';
import { exchange } from '../support/builder';
import { freePort } from './support/ports';
import { describeStack } from './support/runner';
import { s3Adapter, startS3 } from './stacks/s3';

describeStack(s3Adapter);

/**
 * Why the credentialed PUT (S3's counterpart of credentialed-patch) is not among S3's situations: s3rver answers
 * every preflight with `Access-Control-Allow-Origin: *` and no `Access-Control-Allow-Credentials`, which Chromium
 * rejects for a credentialed request; S3 echoes the origin and adds `Access-Control-Allow-Credentials: true`.
 * Checked over plain HTTP with the snippet the panel gives for that request, applied with the AWS CLI. When
 * s3rver answers as S3 does, this fails: add the credentialed PUT to S3_SITUATIONS.
 */
describe('s3: s3rver\'s preflight, for a credentialed PUT', () => {
  const PAGE = 'http://localhost:4001';

  it('s3rver still answers * without Access-Control-Allow-Credentials (S3 echoes the origin and allows credentials)', async () => {
    const missing = s3Adapter.missing();
    if (missing !== null) throw new Error(`${missing} is not installed`);
    const x = exchange().from(PAGE).to('http://localhost:4002/api/items/1').method('PUT').cookie('session=s-1')
      .header('X-CSRF-Token', 't-1').preflight((p) => p.status(403)).failed('net::ERR_FAILED', 'PreflightMissingAllowOriginHeader').build();
    const snippet = fixesFor(x, classify(x)).snippets.find((s) => s.stack === 's3')!;
    const workDir = mkdtempSync(join(tmpdir(), 'cors-lens-s3-probe-'));
    try {
      const port = await freePort();
      const server = await startS3({ port, snippet, workDir });
      try {
        const answer = await new Promise<{ status: number; origin: unknown; credentials: unknown }>((resolve, reject) => {
          const req = request({
            host: '127.0.0.1', port, path: '/api/items/1', method: 'OPTIONS',
            headers: { Origin: PAGE, 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'x-csrf-token' },
          }, (res) => {
            res.resume();
            resolve({ status: res.statusCode ?? 0, origin: res.headers['access-control-allow-origin'], credentials: res.headers['access-control-allow-credentials'] });
          });
          req.once('error', reject);
          req.end();
        });
        expect(answer, `${snippet.code}\n${server.log()}`).toEqual({ status: 200, origin: '*', credentials: undefined });
      } finally {
        await server.stop();
      }
    } finally {
      rmSync(workDir, { recursive: true, force: true });
    }
  });
});
