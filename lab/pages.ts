/**
 * Pages served by the lab's page origin: the gallery, the burst page, a blank page and their scripts; and on
 * every origin, `/lab/frame`: a frame that fetches what its parent asks (the gallery's `frame-fetch` action).
 */
import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import type { LabCase, LabOrigins } from './case-types';

const PUBLIC = new URL('./public/', import.meta.url);
const SCRIPTS = new Set(['gallery.js', 'worker.js', 'burst.js']);

/** JSON inside a <script type="application/json">: no way to close the element early. */
const embed = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

function html(res: ServerResponse, title: string, data: unknown, script: string, body = ''): void {
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<link rel="stylesheet" href="/lab/lab.css"></head>
<body>${body}
<script type="application/json" id="lab-data">${embed(data)}</script>
${script ? `<script src="/lab/${script}"></script>` : ''}
</body></html>`);
}

export function servePage(url: URL, res: ServerResponse, origins: LabOrigins, cases: (o: LabOrigins) => LabCase[]): boolean {
  const path = url.pathname;
  if (path === '/' || path === '/gallery') {
    html(res, 'CORS Lens lab', { origins, cases: cases(origins) }, 'gallery.js', '<main id="lab"></main>');
    return true;
  }
  if (path === '/burst') {
    const n = Math.min(Math.max(Number(url.searchParams.get('n')) || 100, 1), 20_000);
    const pre = Math.min(Math.max(Number(url.searchParams.get('pre')) || 0, 0), 1);
    html(res, 'CORS Lens lab: burst', { origins, n, pre }, 'burst.js', '<p id="status">ready</p>');
    return true;
  }
  if (path === '/blank') {
    html(res, 'CORS Lens lab: blank', { origins }, '', '<p>blank</p>');
    return true;
  }
  if (path === '/lab/cases.json') {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(JSON.stringify(cases(origins)));
    return true;
  }
  const name = path.startsWith('/lab/') ? path.slice(5) : '';
  if (SCRIPTS.has(name)) {
    res.writeHead(200, { 'Content-Type': 'text/javascript', 'Cache-Control': 'no-store' }).end(readFileSync(new URL(name, PUBLIC)));
    return true;
  }
  return false;
}

/** `/lab/frame`, its script and the lab's stylesheet, on every lab origin: the frame fetches on its parent's behalf, with its own Origin. */
export function serveFrame(url: URL, res: ServerResponse, origins: LabOrigins): boolean {
  if (url.pathname === '/lab/frame') {
    html(res, 'CORS Lens lab: frame', { origins }, 'frame.js', '<p>frame</p>');
    return true;
  }
  if (url.pathname === '/lab/lab.css') {
    res.writeHead(200, { 'Content-Type': 'text/css' }).end(readFileSync(new URL('lab.css', PUBLIC)));
    return true;
  }
  if (url.pathname === '/lab/frame.js') {
    res.writeHead(200, { 'Content-Type': 'text/javascript', 'Cache-Control': 'no-store' }).end(readFileSync(new URL('frame.js', PUBLIC)));
    return true;
  }
  return false;
}
