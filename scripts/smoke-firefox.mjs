// Firefox smoke test of the built extension (dist-firefox/): Firefox ESR, headless, driven over
// WebDriver BiDi (built into Firefox: no geckodriver). A page on one loopback origin fetches three
// endpoints on another; the background event page must record and classify them, and answer the
// popup's protocol request. Loopback only, fresh profile, waits on conditions (with a deadline).
//
//   node --experimental-websocket scripts/smoke-firefox.mjs [--no-build]     (FIREFOX=path to override)
import { execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
/* global WebSocket, setImmediate */
import { GECKO_ID } from './firefox-manifest.mjs';

const OUT_DIR = resolve('dist-firefox');
const FIREFOX = process.env.FIREFOX || 'firefox-esr';
const DEADLINE_MS = 30_000;

if (typeof WebSocket === 'undefined') throw new Error('run with node --experimental-websocket (Node 20) or Node >= 22');
if (!process.argv.includes('--no-build')) execFileSync(process.execPath, ['scripts/build-firefox.mjs', '--quiet'], { stdio: 'inherit' });

/** Resolves when `probe()` returns a truthy value; polls without sleeping the event loop, fails at the deadline. */
async function waitFor(what, probe) {
  const end = Date.now() + DEADLINE_MS;
  let last;
  while (Date.now() < end) {
    last = await probe();
    if (last) return last;
    await new Promise((r) => setImmediate(r));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function listen(handler) {
  return new Promise((res) => {
    const server = createServer(handler);
    server.listen(0, '127.0.0.1', () => res(server));
  });
}

const api = await listen((req, res) => {
  const origin = req.headers.origin ?? '';
  if (req.url === '/ok') res.writeHead(200, { 'Access-Control-Allow-Origin': origin, 'Content-Type': 'text/plain' });
  else if (req.url === '/put' && req.method === 'OPTIONS') res.writeHead(204, { 'Access-Control-Allow-Origin': origin, 'Access-Control-Allow-Methods': 'PUT' });
  else if (req.url === '/put') res.writeHead(200, { 'Access-Control-Allow-Origin': origin });
  else res.writeHead(200, { 'Content-Type': 'text/plain' }); // /no-acao: no CORS header at all
  res.end('ok');
});
const apiBase = `http://127.0.0.1:${api.address().port}`;
const page = await listen((_req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/html' });
  res.end(`<!doctype html><title>loading</title><script>
    const api = ${JSON.stringify(apiBase)};
    window.results = {};
    (async () => {
      for (const [path, init] of [['/no-acao', {}], ['/ok', {}], ['/put', { method: 'PUT' }]]) {
        try { await fetch(api + path, init); results[path] = 'read'; } catch (e) { results[path] = 'blocked'; }
      }
      document.title = 'done';
    })();
  </script>`);
});
const pageBase = `http://127.0.0.1:${page.address().port}`;

const uuid = randomUUID();
const profile = mkdtempSync(join(tmpdir(), 'cors-lens-ff-'));
writeFileSync(join(profile, 'user.js'), [
  `user_pref("extensions.webextensions.uuids", ${JSON.stringify(JSON.stringify({ [GECKO_ID]: uuid }))});`,
  'user_pref("browser.shell.checkDefaultBrowser", false);',
  'user_pref("datareporting.policy.dataSubmissionEnabled", false);',
  'user_pref("app.update.enabled", false);',
  // BiDi may not navigate to moz-extension: pages; the browser window (chrome scope) opens the tab.
  'user_pref("remote.experimental.enabled", true);',
].join('\n'));

const firefox = spawn(FIREFOX, ['--headless', '--no-remote', '--profile', profile, '--remote-debugging-port', '0', '--remote-allow-system-access', 'about:blank'], { stdio: ['ignore', 'pipe', 'pipe'] });
let exitCode = 1;
/** Set once the browser is up: the browser console's messages about our extension, for failures. */
let consoleDump = null;
try {
  const wsUrl = await new Promise((res, rej) => {
    let log = '';
    const onData = (d) => {
      log += d;
      const m = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(log);
      if (m) res(m[1]);
    };
    firefox.stdout.on('data', onData);
    firefox.stderr.on('data', onData);
    firefox.on('exit', (code) => rej(new Error(`Firefox exited (${code}) before BiDi was up:\n${log}`)));
  });

  const ws = new WebSocket(`${wsUrl}/session`);
  await new Promise((res, rej) => { ws.onopen = res; ws.onerror = rej; });
  let nextId = 0;
  const waiting = new Map();
  ws.onmessage = (e) => {
    const msg = JSON.parse(String(e.data));
    const w = waiting.get(msg.id);
    if (!w) return;
    waiting.delete(msg.id);
    if (msg.type === 'error') w.rej(new Error(`${msg.error}: ${msg.message}`));
    else w.res(msg.result);
  };
  const bidi = (method, params) => new Promise((res, rej) => {
    const id = ++nextId;
    if (process.env.DEBUG) process.stderr.write(`-> ${method} ${JSON.stringify(params).slice(0, 200)}\n`);
    const timer = setTimeout(() => {
      waiting.delete(id);
      rej(new Error(`no answer to ${method} within 10 s`));
    }, 10_000);
    waiting.set(id, {
      res: (v) => { clearTimeout(timer); res(v); },
      rej: (e) => { clearTimeout(timer); rej(e); },
    });
    ws.send(JSON.stringify({ id, method, params }));
  });
  const evaluate = async (context, expression) => {
    const r = await bidi('script.evaluate', { expression, target: { context }, awaitPromise: true });
    if (r.type === 'exception') throw new Error(`in page: ${r.exceptionDetails.text}`);
    return r.result.value;
  };

  await bidi('session.new', { capabilities: {} });
  const installed = await bidi('webExtension.install', { extensionData: { type: 'path', path: OUT_DIR } });
  if (installed.extension !== GECKO_ID) throw new Error(`installed as ${installed.extension}, expected ${GECKO_ID}`);

  const { context: pageTab } = await bidi('browsingContext.create', { type: 'tab' });
  await bidi('browsingContext.navigate', { context: pageTab, url: `${pageBase}/`, wait: 'complete' });
  await waitFor('the page fetches', async () => (await evaluate(pageTab, 'document.title')) === 'done');
  // What Firefox itself decided: the page could read the response, or fetch() rejected.
  const decided = JSON.parse(await evaluate(pageTab, 'JSON.stringify(window.results)'));
  const expectRead = { '/no-acao': 'blocked', '/ok': 'read', '/put': 'read' };
  if (JSON.stringify(decided) !== JSON.stringify(expectRead)) throw new Error(`the test server did not behave: page saw ${JSON.stringify(decided)}`);

  const extUrl = `moz-extension://${uuid}/src/popup/index.html`;
  const chromeTree = await bidi('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const chromeWindow = chromeTree.contexts.find((c) => c.url.startsWith('chrome://browser/'))?.context;
  if (!chromeWindow) throw new Error('no browser window in chrome scope');
  consoleDump = () => evaluate(chromeWindow, `Services.console.getMessageArray()
    .map((m) => m.message ?? String(m)).filter((t) => /moz-extension|CORS Lens|cors-lens/i.test(t)).slice(-20).join('\\n')`);
  await evaluate(chromeWindow, `void gBrowser.addTrustedTab(${JSON.stringify(extUrl)})`);
  const extTab = await waitFor('the extension page', async () => {
    const tree = await bidi('browsingContext.getTree', {});
    return tree.contexts.find((c) => c.url === extUrl)?.context;
  });
  await waitFor('the extension page to load', async () => (await evaluate(extTab, 'document.readyState')) === 'complete');
  if (process.env.DEBUG) process.stderr.write(`permissions: ${await evaluate(extTab, '(async () => JSON.stringify(await browser.permissions.getAll()))()')}\n`);
  const query = `(async () => {
    const tab = (await browser.tabs.query({})).find((t) => (t.url ?? '').startsWith(${JSON.stringify(`${pageBase}/`)}));
    if (!tab) return JSON.stringify({ error: 'page tab not found' });
    return JSON.stringify(await browser.runtime.sendMessage({ v: 1, name: 'get-snapshot', payload: { tabId: tab.id } }));
  })()`;
  const want = { '/no-acao': 'blocked', '/ok': 'simple', '/put': 'preflighted' };
  let snapshot;
  const verdicts = await waitFor('three classified exchanges', async () => {
    snapshot = JSON.parse(await evaluate(extTab, query));
    if (process.env.DEBUG) process.stderr.write(`<- ${JSON.stringify(snapshot).slice(0, 300)}\n`);
    if (!snapshot.ok) return null;
    const byPath = {};
    for (const e of snapshot.result.entries) {
      const path = e.exchange.url.slice(apiBase.length);
      if (path in want && e.verdict.kind !== 'pending') byPath[path] = e.verdict;
    }
    return Object.keys(byPath).length === Object.keys(want).length ? byPath : null;
  }).catch((err) => { throw new Error(`${err.message}; last answer: ${String(JSON.stringify(snapshot)).slice(0, 2000)}`); });

  const problems = [];
  for (const [path, kind] of Object.entries(want)) {
    if (verdicts[path].kind !== kind) problems.push(`${path}: ${verdicts[path].kind}, expected ${kind} (${verdicts[path].headline})`);
  }
  const entries = snapshot.result.entries;
  const put = entries.find((e) => e.exchange.url === `${apiBase}/put` && e.exchange.method === 'PUT');
  if (!put || put.exchange.preflights.length !== 1) problems.push(`/put: ${put?.exchange.preflights.length ?? 'no'} preflight(s) attached, expected 1`);
  if (entries.some((e) => e.exchange.method === 'OPTIONS')) problems.push('the preflight was recorded as an exchange of its own instead of being attached to its request');
  const code = verdicts['/no-acao'].reasons[0]?.code;
  if (code !== 'MissingAllowOriginHeader') problems.push(`/no-acao reason ${code}, expected MissingAllowOriginHeader`);
  if (problems.length && process.env.DEBUG) {
    for (const e of snapshot.result.entries) process.stderr.write(`${JSON.stringify({ url: e.exchange.url, method: e.exchange.method, req: e.exchange.requestHeaders, res: e.exchange.response, outcome: e.exchange.outcome, pre: e.exchange.preflights.length, kind: e.verdict.kind })}\n`);
  }
  if (problems.length) throw new Error(problems.join('\n'));
  process.stdout.write(`Firefox smoke test passed: ${Object.entries(verdicts).map(([p, v]) => `${p} ${v.kind}`).join(', ')}\n`);
  exitCode = 0;
  await bidi('session.end', {}).catch(() => {});
} catch (err) {
  process.stderr.write(`Firefox smoke test FAILED: ${err instanceof Error ? err.message : String(err)}\n`);
  if (consoleDump) process.stderr.write(`Extension messages in the browser console:\n${await consoleDump().catch((e) => String(e))}\n`);
} finally {
  if (firefox.exitCode === null) {
    const exited = new Promise((r) => firefox.once('exit', r));
    firefox.kill('SIGTERM');
    const force = setTimeout(() => firefox.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(force);
  }
  api.close();
  page.close();
  rmSync(profile, { recursive: true, force: true });
  process.exit(exitCode);
}
