/**
 * Amazon S3, on s3rver 3.7 (npm devDependency): an S3-compatible server that keeps buckets on disk and answers
 * S3's REST API, bucket CORS included (PutBucketCors; its CORS middleware follows S3's CORS documentation: the
 * first rule whose AllowedOrigins and AllowedMethods match, every requested header in AllowedHeaders). The
 * snippet is a `CORSRules` document; it is applied the way its note says, with Debian's AWS CLI (awscli):
 * saved as cors.json, then `aws s3api put-bucket-cors --bucket <your-bucket> --cors-configuration file://cors.json`,
 * taken from the note as written, `<your-bucket>` being this bucket, plus `--endpoint-url` pointing at s3rver
 * on loopback (dummy credentials, no network). The AWS CLI itself turns the JSON into the XML
 * CORSConfiguration that S3's API takes, as it does for S3: nothing here translates it.
 *
 * S3 serves objects, not handlers: the bucket is named `api`, so the object `simple` is `/api/simple` and the
 * suite's paths hold. S3's situations (S3_SITUATIONS):
 *   - simple-get: GET of an object (`simple`, a JSON document) → 200;
 *   - put-object: a PUT of an object with a JSON body and `X-Request-Id` (preflight) → S3's empty 200;
 *   - credentialed-get: GET of an object with `credentials: 'include'` and the session cookie → 200 (S3 reads no
 *     cookie: the object is the same, the point is the credentialed CORS answer);
 *   - missing-key: GET of a key that does not exist → S3's own 404 NoSuchKey (XML), the error status the server
 *     generates itself.
 * Not applicable, and why:
 *   - json-post: S3's POST is an HTML-form upload (multipart/form-data with a signed policy); a JSON POST is no
 *     S3 request;
 *   - handler-500: S3 has no handler of ours to answer 500;
 *   - server-error: the 5xx S3 generates itself (500 InternalError, 503 SlowDown) cannot be provoked; missing-key
 *     is the error S3 generates on demand;
 *   - credentialed-patch: S3 has no PATCH; its S3 counterpart, a credentialed PUT with a custom header, cannot be
 *     proven on s3rver: s3rver answers every preflight with `Access-Control-Allow-Origin: *` and no
 *     `Access-Control-Allow-Credentials`, which Chromium rejects for a credentialed request, where S3 echoes the
 *     origin and adds `Access-Control-Allow-Credentials: true` (s3.test.ts checks s3rver still does this).
 *
 * Objects are stored with anonymous PUTs from node (s3rver accepts unsigned requests, as a public bucket would):
 * that is the bucket's content, not CORS configuration.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Snippet } from '../../../src/core/fix';
import { ROUTES, SITUATIONS, type RunningServer, type Situation, type StackAdapter, type StartOptions } from '../support/contract';
import { missingNpm, NODE_MODULES } from '../support/paste';
import { spawnServer } from '../support/process';
import { EN } from '../../../src/core/i18n/catalogues';

const AWS = '/usr/bin/aws';
const S3RVER = join(NODE_MODULES, 's3rver/bin/s3rver.js');
/** The bucket: its objects' paths are the suite's `/api/<name>`. */
export const BUCKET = 'api';

/** The objects in the bucket: key → JSON body. */
const OBJECTS: Record<string, string> = { simple: '{"route":"simple"}', me: '{"route":"me"}' };

export const S3_SITUATIONS: readonly Situation[] = [
  SITUATIONS.find((s) => s.id === 'simple-get')!,
  {
    id: 'put-object', path: ROUTES.items,
    init: { method: 'PUT', headers: { 'Content-Type': 'application/json', 'X-Request-Id': 'r-1' }, body: '{"name":"lens"}' },
    expectStatus: 200, cookie: false, expectBody: null,
  },
  { id: 'credentialed-get', path: ROUTES.me, init: { credentials: 'include' }, expectStatus: 200, cookie: true, expectBody: { route: 'me', session: false } },
  { id: 'missing-key', path: '/api/missing', init: {}, expectStatus: 404, cookie: false, expectBody: null },
];

/** The dummy credentials the AWS CLI signs with (s3rver's default account), and no configuration file of this machine. */
function awsEnv(workDir: string): Record<string, string> {
  return {
    AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER', AWS_DEFAULT_REGION: 'us-east-1',
    AWS_CONFIG_FILE: join(workDir, 'aws-config'), AWS_SHARED_CREDENTIALS_FILE: join(workDir, 'aws-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true', AWS_PAGER: '',
  };
}

/** The command of the snippet's note (`Save this as <file> and apply it with: aws …`) and the file it reads. */
export function applyCommand(snippet: Snippet): { file: string; args: string[] } {
  const notes = snippet.notes.map(EN.t).filter((n) => n.includes('aws s3api put-bucket-cors'));
  if (notes.length !== 1) throw new Error(`the S3 snippet must say once how to apply it (aws s3api put-bucket-cors); notes: ${snippet.notes.map(EN.t).join(' | ')}`);
  const match = /Save this as (\S+) and apply it with: (aws s3api put-bucket-cors [^(]*?)\s*(?:\(|$)/.exec(notes[0]!);
  if (!match) throw new Error(`the S3 snippet's note does not say which file to save and which command applies it: ${notes[0]}`);
  const [, file, command] = match as unknown as [string, string, string];
  const words = command.split(/\s+/);
  if (!words.includes(`file://${file}`)) throw new Error(`the command does not read the file the note says to save (${file}): ${command}`);
  const placeholders = words.filter((w) => /^<.*>$/.test(w));
  if (placeholders.length !== 1 || placeholders[0] !== '<your-bucket>') throw new Error(`expected one placeholder, <your-bucket>, in: ${command}`);
  return { file, args: words.slice(1).map((w) => (w === '<your-bucket>' ? BUCKET : w)) };
}

const run = promisify(execFile);

/** Saves the snippet where its note says and runs the note's command against s3rver; returns what was run and printed. */
async function applySnippet(snippet: Snippet, port: number, workDir: string): Promise<string> {
  const { file, args } = applyCommand(snippet);
  writeFileSync(join(workDir, file), snippet.code);
  const full = [...args, '--endpoint-url', `http://127.0.0.1:${port}`];
  const shown = `$ aws ${full.join(' ')}`;
  try {
    const { stdout, stderr } = await run(AWS, full, { cwd: workDir, env: { ...process.env, ...awsEnv(workDir) }, timeout: 120_000 });
    return `${shown}\n${stdout}${stderr}`;
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; message: string };
    throw new Error(`the snippet's command failed:\n${shown}\n${e.stdout ?? ''}${e.stderr ?? e.message}\n--- ${file}\n${snippet.code}`, { cause: err });
  }
}

async function putObjects(port: number): Promise<void> {
  for (const [key, body] of Object.entries(OBJECTS)) {
    const res = await fetch(`http://127.0.0.1:${port}/${BUCKET}/${key}`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body });
    if (!res.ok) throw new Error(`s3rver did not store ${BUCKET}/${key}: ${res.status} ${await res.text()}`);
  }
}

/** s3rver on `port` with the bucket and its objects, and the snippet applied with the AWS CLI when given. */
export async function startS3({ port, snippet, workDir }: Pick<StartOptions, 'port' | 'snippet' | 'workDir'>): Promise<RunningServer> {
  const data = join(workDir, 'data');
  mkdirSync(data);
  let applied = '';
  const server = await spawnServer({
    command: process.execPath,
    args: [S3RVER, '--directory', data, '--address', '127.0.0.1', '--port', String(port), '--no-vhost-buckets', '--configure-bucket', BUCKET],
    port, cwd: workDir,
    extraLog: () => (applied ? `\n--- the snippet applied ---\n${applied}\n--- cors.json\n${snippet?.code ?? ''}` : ''),
  });
  try {
    await putObjects(port);
    if (snippet) applied = await applySnippet(snippet, port, workDir);
  } catch (err) {
    await server.stop();
    throw err;
  }
  return server;
}

export const s3Adapter: StackAdapter = {
  stack: 's3',
  packages: { debian: ['awscli'], npm: ['s3rver'] },
  missing: () => missingNpm(['s3rver']) ?? (existsSync(AWS) ? null : 'awscli'),
  situations: S3_SITUATIONS,
  start: (options: StartOptions) => startS3(options),
};
