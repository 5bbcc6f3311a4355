/*
 * The burst page: `window.labBurst()` fires n cross-origin fetches at once to the lab API (a fraction
 * `pre` of them with a custom header, so preflighted), waits until every one settled and returns
 * { run, n, ok, failed, ms, times } with ms measured in the page (performance.now) around the whole burst
 * and times[i] = [start, end] of fetch i (ms since the epoch: when it was made, when it settled).
 * At most `concurrency` fetches are in flight at once (default: all).
 * Every URL carries cid=burst, r=<run> and i=<index>; with `hold`, the lab holds the responses until
 * released (preflights are still answered at once). With `blockEvery` = k > 0, every request whose
 * index i has i % k === k - 1 is refused by the lab: a simple one gets no Access-Control-Allow-Origin
 * (MissingAllowOriginHeader), a preflighted one a preflight without it (PreflightMissingAllowOriginHeader).
 */
/* global window, document, fetch */
(() => {
  const { origins, n, pre } = JSON.parse(document.getElementById('lab-data').textContent);
  let runs = 0;
  window.labBurst = async (count = n, preflighted = pre, hold = null, concurrency = count, blockEvery = 0) => {
    const run = `${Date.now().toString(36)}-${++runs}`;
    window.labBurstRun = run;
    const status = document.getElementById('status');
    status.textContent = 'running';
    const everyNth = preflighted > 0 ? Math.round(1 / preflighted) : 0;
    const start = performance.now();
    const one = (i) => {
      const withHeader = everyNth > 0 && i % everyNth === 0;
      const url = new URL('/cors', origins.api);
      url.searchParams.set('cid', 'burst');
      url.searchParams.set('r', run);
      url.searchParams.set('i', String(i));
      const refused = blockEvery > 0 && i % blockEvery === blockEvery - 1;
      if (!refused) url.searchParams.set('acao', origins.page);
      else if (withHeader) {
        url.searchParams.set('acao', origins.page);
        url.searchParams.set('pacao', '-');
      }
      if (withHeader) url.searchParams.set('acah', 'x-lab-trace');
      if (hold) url.searchParams.set('hold', hold);
      return fetch(url, withHeader ? { headers: { 'X-Lab-Trace': String(i) } } : {}).then((r) => r.text());
    };
    // At most `concurrency` fetches in flight (Chromium refuses a page's requests beyond ~1,400 in flight
    // with net::ERR_INSUFFICIENT_RESOURCES); the next one starts as soon as one settles.
    const results = new Array(count);
    const times = new Array(count);
    let next = 0;
    const lane = async () => {
      while (next < count) {
        const i = next++;
        const started = Date.now();
        results[i] = await one(i).then(() => ({ status: 'fulfilled' }), (e) => ({ status: 'rejected', reason: String(e) }));
        times[i] = [started, Date.now()];
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
    const ms = performance.now() - start;
    const ok = results.filter((r) => r.status === 'fulfilled').length;
    const result = { run, n: count, ok, failed: count - ok, ms, times };
    window.labBurstResult = result;
    status.textContent = `done: ${ok}/${count} in ${ms.toFixed(1)} ms`;
    document.body.dataset.burst = 'done';
    return result;
  };
  document.body.dataset.ready = 'true';
})();
