/**
 * Runs in the panel page before its scripts (serialised with toString: self-contained, no imports): the
 * runtime API answers from here, as the service worker would. The shipped panel has no test seam: the real
 * store, connection adapter (src/shared/chrome-connection.ts) and rendering run unchanged. `__bench` drives
 * it and times each step until the DOM shows the result and the next frame has been drawn.
 */
export function fakeRuntime(version: number): void {
  if (!location.pathname.endsWith('/src/panel/index.html')) return;
  type Cb = (m: unknown) => void;
  type Row = { id: string; seq: number; start: number; url: string; hay: string; preflights: { url: string; start: number }[] };
  const onMessage = new Set<Cb>();
  const port = {
    name: '',
    postMessage() {},
    disconnect() {},
    onMessage: { addListener: (f: Cb) => onMessage.add(f), removeListener: (f: Cb) => onMessage.delete(f) },
    onDisconnect: { addListener() {}, removeListener() {} },
  };
  const settings = { paused: false, keepLog: false, recordSameOrigin: false };
  /** Full entries by exchange id, for `get-entry` (the details of an opened row). */
  let entries = new Map<string, unknown>();
  const answers: Record<string, (p: { id?: string }) => unknown> = {
    'get-settings': () => settings,
    'set-settings': () => settings,
    'get-entry': (p) => entries.get(p.id ?? '') ?? null,
    'get-entries': () => ({ entries: [...entries.values()], more: false }),
  };
  // webextension-polyfill (src/shared/browser.ts) wants a runtime id, and calls chrome's sendMessage with a callback.
  const runtime = {
    id: 'bench',
    connect: (info: { name: string }) => { port.name = info.name; return port; },
    sendMessage: (m: { name: string; payload: { id?: string } }, ...rest: unknown[]) => {
      const reply = { ok: true, result: answers[m.name]?.(m.payload) ?? settings };
      const callback = rest.at(-1);
      if (typeof callback === 'function') { queueMicrotask(() => callback(reply)); return undefined; }
      return Promise.resolve(reply);
    },
    getManifest: () => ({ version: 'bench' }),
  };
  const g = globalThis as unknown as { chrome?: { runtime?: unknown }; browser?: { runtime?: unknown } };
  for (const ns of [g.chrome, g.browser]) if (ns) Object.defineProperty(ns, 'runtime', { value: runtime, configurable: true });

  const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => { const c = new MessageChannel(); c.port1.onmessage = () => r(); c.port2.postMessage(0); }));
  const afterTasks = () => new Promise<void>((r) => setTimeout(r, 0));
  const grid = () => document.querySelector<HTMLElement>('[role=grid]');
  const rowcount = () => Number(grid()?.getAttribute('aria-rowcount') ?? 0) - 1;
  const until = (ok: () => boolean) => new Promise<void>((resolve) => {
    if (ok()) return resolve();
    const mo = new MutationObserver(() => { if (ok()) { mo.disconnect(); resolve(); } });
    mo.observe(document.body, { childList: true, subtree: true, attributes: true });
  });
  const send = (name: string, payload: unknown) => { for (const f of onMessage) f({ v: version, name, payload }); };
  /** Times `act` until the table is updated (the tasks it queued have run), then until the next frame. */
  const timed = async (act: () => void) => {
    const t0 = performance.now();
    act();
    await afterTasks();
    const dom = performance.now() - t0;
    await nextFrame();
    return { dom, frame: performance.now() - t0, rowcount: rowcount() };
  };
  let rows: Row[] = [];
  (globalThis as unknown as Record<string, unknown>).__bench = {
    /** Numbers `n` rows from the templates (row i is template i % 10, its URL and hay numbered like the full mix). */
    rows(json: string) {
      const { templates, n } = JSON.parse(json) as { templates: Row[]; n: number };
      const numbered = (url: string, i: number) => url.replace(/(\?|$)/, `/${i}$1`);
      const t0 = templates[0]!.start;
      rows = [];
      for (let i = 0; i < n; i++) {
        const t = templates[i % templates.length]!;
        const url = numbered(t.url.replace(/\/\d+(\?|$)/, '$1'), i);
        const r = structuredClone(t);
        r.id = `r${i}`;
        r.seq = i + 1;
        r.start = t0 + i * 7;
        r.url = url;
        r.hay = t.hay.replace(t.url.toLowerCase(), url.toLowerCase());
        rows.push(r);
      }
      return rows.length;
    },
    /** These rows as they are (a few exchanges whose details are opened). */
    rowsAsIs(json: string) {
      rows = JSON.parse(json) as Row[];
      return rows.length;
    },
    entries(json: string) {
      entries = new Map((JSON.parse(json) as { exchange: { id: string } }[]).map((e) => [e.exchange.id, e]));
    },
    /**
     * The snapshot in pages of `page` rows, each page in its own task as the port delivers them: until the
     * first rows are in the DOM (and the next frame), then until the table counts every row.
     */
    async deliver(json: string) {
      const { summary, page } = JSON.parse(json) as { summary: unknown; page: number };
      const parts = Math.max(1, Math.ceil(rows.length / page));
      (globalThis as unknown as { gc?: () => void }).gc?.();
      const t0 = performance.now();
      send('snapshot', { summary, settings, rows: rows.slice(0, page), part: 0, parts });
      for (let k = 1; k < parts; k++) setTimeout(() => send('snapshot', { summary, settings, rows: rows.slice(k * page, (k + 1) * page), part: k, parts }), 0);
      await until(() => document.querySelectorAll('.vt-body [role=row]').length > 0);
      const dom = performance.now() - t0;
      await nextFrame();
      const frame = performance.now() - t0;
      await until(() => rowcount() >= rows.length);
      await nextFrame();
      return { dom, frame, all: performance.now() - t0, rowcount: rowcount() };
    },
    /** Sends one more port event, until `selector` matches in the DOM and the next frame. */
    async event(json: string) {
      const { name, payload, selector } = JSON.parse(json) as { name: string; payload: unknown; selector: string };
      const t0 = performance.now();
      send(name, payload);
      await until(() => document.querySelector(selector) !== null);
      const dom = performance.now() - t0;
      await nextFrame();
      return { dom, frame: performance.now() - t0, rowcount: rowcount() };
    },
    /** Clicks the button whose accessible name starts with `label`. */
    click(label: string) {
      const button = [...document.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent ?? '').startsWith(label));
      if (!button) throw new Error(`no button ${label}`);
      return timed(() => button.click());
    },
    /** Clicks verdict filter button `i` (0: All, 1: Blocked, 2: Preflighted, 3: Simple). */
    kind(i: string) {
      const button = document.querySelectorAll<HTMLButtonElement>('.seg .seg-btn')[Number(i)];
      if (!button) throw new Error(`no verdict filter button ${i}`);
      return timed(() => button.click());
    },
    /** Clicks the sort button of column `i` (0: time … 5: reason). */
    sort(i: string) {
      const button = document.querySelectorAll<HTMLButtonElement>('.vt-head .vt-sort')[Number(i)];
      if (!button) throw new Error(`no sort button ${i}`);
      return timed(() => button.click());
    },
    key(value: string) {
      const input = document.querySelector<HTMLInputElement>('input[type=search]')!;
      return timed(() => { input.value = value; input.dispatchEvent(new Event('input', { bubbles: true })); });
    },
    /** A key pressed on the table (ArrowDown, End…). */
    nav(key: string) {
      const g = grid()!;
      g.focus();
      return timed(() => g.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true })));
    },
    /**
     * The file chosen in Import HAR: until the imported file's first rows are in the DOM (and the next frame),
     * then until the table counts all `n` rows (and the next frame).
     */
    async importHar(json: string) {
      const { text, n } = JSON.parse(json) as { text: string; n: number };
      const input = document.querySelector<HTMLInputElement>('input[type=file]')!;
      const files = new DataTransfer();
      files.items.add(new File([text], 'bench.har', { type: 'application/json' }));
      input.files = files.files;
      const t0 = performance.now();
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await until(() => document.querySelector('.banner-imported') !== null && document.querySelectorAll('.vt-body [role=row]').length > 0);
      const dom = performance.now() - t0;
      await nextFrame();
      const frame = performance.now() - t0;
      await until(() => rowcount() >= n);
      await nextFrame();
      return { dom, frame, all: performance.now() - t0, rowcount: rowcount() };
    },
  };
}
