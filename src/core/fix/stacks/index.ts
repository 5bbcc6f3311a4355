/** Registry of the server stacks we write snippets for, in display order. */
import type { StackInfo } from '../types';
import { express } from './express';
import { nginx } from './nginx';
import { apache } from './apache';
import { caddy } from './caddy';
import { spring } from './spring';
import { aspnet } from './aspnet';
import { django } from './django';
import { fastapi } from './fastapi';
import { go } from './go';
import { rails } from './rails';
import { cloudflareWorker } from './cloudflare';
import { s3 } from './s3';

export const STACKS: readonly StackInfo[] = [
  { id: 'express', label: 'Express', generate: express },
  { id: 'nginx', label: 'nginx', generate: nginx },
  { id: 'apache', label: 'Apache httpd', generate: apache },
  { id: 'caddy', label: 'Caddy', generate: caddy },
  { id: 'spring', label: 'Spring', generate: spring },
  { id: 'aspnet-core', label: 'ASP.NET Core', generate: aspnet },
  { id: 'django', label: 'Django', generate: django },
  { id: 'fastapi', label: 'FastAPI / Starlette', generate: fastapi },
  { id: 'go', label: 'Go (rs/cors)', generate: go },
  { id: 'rails', label: 'Rails (rack-cors)', generate: rails },
  { id: 'cloudflare-worker', label: 'Cloudflare Worker', generate: cloudflareWorker },
  { id: 's3', label: 'Amazon S3', generate: s3 },
];
