/*
 * The lab gallery: one button per case (cases come from lab/cases.ts, embedded as JSON), and "Run all".
 * Each run tags its requests with a fresh `r=<nonce>` so repeated runs never hit a cache.
 * State for tests and the demo: `window.lab` (runAll(), runCase(), results, lastRun) and, on each row,
 * data-state="running|done" and data-outcome="ok|error". `document.body.dataset.run` is "done" after Run all.
 * A case's `prepare` requests run first, in order (same nonce); their page-side results are in `record.prepared`.
 * `runCase(id, nonce, 'prepare')` then `runCase(id, nonce, 'subject')` runs the two halves apart.
 */
/* global window, document, fetch, Headers, Image, FontFace, EventSource, Worker, XMLHttpRequest, navigator, Blob, PerformanceObserver */
(() => {
  const data = JSON.parse(document.getElementById('lab-data').textContent);
  const { origins, cases } = data;
  const CASE_TIMEOUT_MS = 20000;

  const newNonce = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const tagged = (url, nonce) => {
    const u = new URL(url);
    u.searchParams.set('r', nonce);
    return u.href;
  };
  const fetchOptions = (init = {}) => ({ ...init, headers: new Headers(init.headers ?? []) });
  const ok = (detail) => ({ ok: true, detail });
  const fail = (detail) => ({ ok: false, detail });
  // The body is read to the end so the exchange completes everywhere (DevTools, webRequest) before the case does.
  const fromResponse = (p) => p.then(async (r) => {
    await r.arrayBuffer();
    return ok(`HTTP ${r.status}${r.type === 'opaque' ? ' (opaque)' : ''}`);
  }).then((x) => x, (e) => fail(String(e)));

  const onceEvents = (target, okEvent, errorEvent, cleanup) => new Promise((resolve) => {
    target.addEventListener(okEvent, () => { cleanup?.(); resolve(ok(okEvent)); }, { once: true });
    target.addEventListener(errorEvent, () => { cleanup?.(); resolve(fail(errorEvent)); }, { once: true });
  });

  let frames = 0;
  // One dedicated worker for the page's lifetime, started at load: it is long attached to every observer
  // (DevTools, the extension) when a case uses it.
  const worker = new Worker('/lab/worker.js');
  const workerWaiting = new Map();
  let workerCalls = 0;
  worker.onmessage = (e) => {
    const resolve = workerWaiting.get(e.data.id);
    workerWaiting.delete(e.data.id);
    resolve?.(e.data.result);
  };
  // One iframe per origin for `frame-fetch` (the lab serves /lab/frame on every origin), made when first needed.
  const originFrames = new Map();
  const frameOf = (origin) => {
    if (!originFrames.has(origin)) {
      originFrames.set(origin, new Promise((resolve) => {
        const frame = document.createElement('iframe');
        frame.hidden = true;
        const listener = (e) => {
          if (e.source !== frame.contentWindow || e.data?.frameReady !== origin) return;
          window.removeEventListener('message', listener);
          resolve(frame);
        };
        window.addEventListener('message', listener);
        frame.src = new URL('/lab/frame', origin).href;
        document.body.append(frame);
      }));
    }
    return originFrames.get(origin);
  };
  const runners = {
    fetch: (a, url) => fromResponse(fetch(url, fetchOptions(a.init))),
    xhr: (a, url) => new Promise((resolve) => {
      const xhr = new XMLHttpRequest();
      xhr.open(a.method, url);
      xhr.withCredentials = Boolean(a.withCredentials);
      for (const [name, value] of a.headers ?? []) xhr.setRequestHeader(name, value);
      xhr.onload = () => resolve(ok(`HTTP ${xhr.status}`));
      xhr.onerror = () => resolve(fail('XMLHttpRequest error'));
      xhr.send();
    }),
    // sendBeacon gives the page no answer: the beacon's resource timing entry says when it ended (and
    // responseStatus 0 when it failed).
    beacon: (a, url) => new Promise((resolve) => {
      const observer = new PerformanceObserver((list) => {
        const entry = list.getEntries().find((e) => e.name === url);
        if (!entry) return;
        observer.disconnect();
        resolve(entry.responseStatus > 0 ? ok(`beacon sent, HTTP ${entry.responseStatus}`) : fail('beacon failed'));
      });
      observer.observe({ type: 'resource' });
      if (!navigator.sendBeacon(url, new Blob([a.body], { type: a.contentType }))) {
        observer.disconnect();
        resolve(fail('sendBeacon refused to queue it'));
      }
    }),
    img: (a, url) => {
      const img = new Image();
      if (a.crossOrigin !== null) img.crossOrigin = a.crossOrigin;
      const done = onceEvents(img, 'load', 'error');
      img.src = url;
      return done;
    },
    font: (a, url) => new FontFace('lab-font', `url("${url}")`).load().then(() => ok('font loaded'), (e) => fail(String(e))),
    import: (a, url) => import(url).then(() => ok('module loaded'), (e) => fail(String(e))),
    'module-script': (a, url) => {
      const script = document.createElement('script');
      script.type = 'module';
      const done = onceEvents(script, 'load', 'error', () => script.remove());
      script.src = url;
      document.head.append(script);
      return done;
    },
    stylesheet: (a, url) => {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.crossOrigin = 'anonymous';
      const done = onceEvents(link, 'load', 'error', () => link.remove());
      link.href = url;
      document.head.append(link);
      return done;
    },
    // The lab's stream sends one event and ends (with a long retry): the error that follows the end is where
    // the case completes, so the exchange is over (not aborted by us) when the case reports.
    eventsource: (a, url) => new Promise((resolve) => {
      const source = new EventSource(url, { withCredentials: Boolean(a.withCredentials) });
      let message = null;
      source.onmessage = (e) => { message = e.data; };
      source.onerror = () => {
        source.close();
        resolve(message === null ? fail('EventSource error') : ok(`message ${message}`));
      };
    }),
    'worker-fetch': (a, url) => new Promise((resolve) => {
      const id = ++workerCalls;
      workerWaiting.set(id, resolve);
      worker.postMessage({ id, url, init: a.init ?? {} });
    }),
    'sandbox-fetch': (a, url) => new Promise((resolve) => {
      const token = `frame-${++frames}`;
      const frame = document.createElement('iframe');
      frame.sandbox = 'allow-scripts';
      frame.hidden = true;
      const listener = (e) => {
        if (e.source !== frame.contentWindow || e.data?.token !== token) return;
        window.removeEventListener('message', listener);
        frame.remove();
        resolve(e.data.result);
      };
      window.addEventListener('message', listener);
      const init = { ...(a.init ?? {}) };
      frame.srcdoc = `<script>
        const report = (result) => parent.postMessage({ token: ${JSON.stringify(token)}, result }, '*');
        fetch(${JSON.stringify(url)}, { ...${JSON.stringify(init)}, headers: new Headers(${JSON.stringify(init.headers ?? [])}) })
          .then((r) => r.arrayBuffer().then(() => report({ ok: true, detail: 'HTTP ' + r.status })))
          .catch((e) => report({ ok: false, detail: String(e) }));
      </script>`;
      document.body.append(frame);
    }),
    'frame-fetch': (a, url) => frameOf(a.origin).then((frame) => new Promise((resolve) => {
      const token = `frame-fetch-${++frames}`;
      const listener = (e) => {
        if (e.source !== frame.contentWindow || e.data?.token !== token) return;
        window.removeEventListener('message', listener);
        resolve(e.data.result);
      };
      window.addEventListener('message', listener);
      frame.contentWindow.postMessage({ token, url, init: a.init ?? {} }, a.origin);
    })),
  };

  const rows = new Map();
  const lab = { origins, cases, results: {}, lastRun: null, nonce: newNonce() };

  const setRow = (id, state, result) => {
    const row = rows.get(id);
    if (!row) return;
    row.dataset.state = state;
    if (result) row.dataset.outcome = result.ok ? 'ok' : 'error';
    else delete row.dataset.outcome;
    row.querySelector('td.status').textContent = state === 'running' ? 'running…' : result ? result.detail : '';
  };

  // phase: 'all' (default: preparation, then the subject), 'prepare' (preparation only) or 'subject' (the subject
  // only, after a 'prepare' run with the same nonce): an observer can tell the subject's traces from the preparation's.
  lab.runCase = async (id, nonce = lab.nonce, phase = 'all') => {
    const kase = cases.find((c) => c.id === id);
    if (!kase) throw new Error(`no lab case ${id}`);
    const url = tagged(kase.action.url, nonce);
    setRow(id, 'running');
    let timer;
    const timeout = new Promise((resolve) => { timer = setTimeout(() => resolve(fail('timed out in the page')), CASE_TIMEOUT_MS); });
    const prepared = [];
    const run = async () => {
      for (const step of phase === 'subject' ? [] : kase.prepare ?? []) {
        const stepUrl = tagged(step.url, nonce);
        prepared.push({ url: stepUrl, ...(await runners[step.kind](step, stepUrl)) });
      }
      return phase === 'prepare' ? ok(`prepared (${prepared.length})`) : runners[kase.action.kind](kase.action, url);
    };
    const result = await Promise.race([run(), timeout]);
    clearTimeout(timer);
    const record = { id, url, nonce, ...result, ...(kase.prepare ? { prepared } : {}) };
    lab.results[id] = record;
    setRow(id, 'done', result);
    return record;
  };

  lab.runAll = async () => {
    const nonce = newNonce();
    lab.nonce = nonce;
    document.body.dataset.run = 'running';
    const results = [];
    for (const kase of cases) results.push(await lab.runCase(kase.id, nonce));
    lab.lastRun = { nonce, results };
    document.body.dataset.run = 'done';
    return lab.lastRun;
  };

  // The page.
  const main = document.getElementById('lab');
  const el = (tag, props = {}, ...children) => {
    const node = Object.assign(document.createElement(tag), props);
    node.append(...children);
    return node;
  };
  const runAllButton = el('button', { id: 'run-all', textContent: 'Run all' });
  runAllButton.addEventListener('click', () => { lab.runAll(); });
  main.append(
    el('h1', { textContent: 'CORS Lens lab' }),
    el('p', { textContent: `This page (${origins.page}) calls an API on ${origins.api} and a third origin on ${origins.third}. ` +
      'Each button makes one cross-origin exchange; open DevTools → CORS Lens to see how it was judged.' }),
    el('div', { className: 'bar' }, runAllButton, el('span', { textContent: `${cases.length} cases` })),
  );
  let table = null;
  let group = null;
  for (const kase of cases) {
    if (kase.group !== group) {
      group = kase.group;
      table = el('table');
      main.append(el('h2', { textContent: group }), table);
    }
    const button = el('button', { textContent: 'Run' });
    button.addEventListener('click', () => { lab.runCase(kase.id); });
    const verdict = kase.expect.kind === 'blocked' ? `blocked: ${kase.expect.code}` : kase.expect.kind;
    const expected = kase.findings === undefined ? verdict
      : `${verdict}; findings: ${kase.findings.length > 0 ? kase.findings.join(', ') : 'none'}`;
    const row = el('tr', { id: `case-${kase.id}` },
      el('td', {}, button),
      el('td', {}, el('strong', { textContent: kase.title }), el('br'), el('code', { textContent: kase.id })),
      el('td', { className: 'does', textContent: kase.does }),
      el('td', { textContent: `expected: ${expected}` }),
      el('td', { className: 'status' }));
    row.dataset.state = 'idle';
    rows.set(kase.id, row);
    table.append(row);
  }
  window.lab = lab;
  document.body.dataset.ready = 'true';
})();
