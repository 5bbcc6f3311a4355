/*
 * The burst page: `window.labBurst()` fires n cross-origin fetches at once to the lab API (a fraction
 * `pre` of them with a custom header, so preflighted), waits until every one settled and returns
 * { n, ok, failed, ms } with ms measured in the page (performance.now) around the whole burst.
 */
/* global window, document, fetch */
(() => {
  const { origins, n, pre } = JSON.parse(document.getElementById('lab-data').textContent);
  let runs = 0;
  window.labBurst = async (count = n, preflighted = pre) => {
    const run = `${Date.now().toString(36)}-${++runs}`;
    const status = document.getElementById('status');
    status.textContent = 'running';
    const everyNth = preflighted > 0 ? Math.round(1 / preflighted) : 0;
    const start = performance.now();
    const results = await Promise.allSettled(Array.from({ length: count }, (_, i) => {
      const withHeader = everyNth > 0 && i % everyNth === 0;
      const url = new URL('/cors', origins.api);
      url.searchParams.set('cid', 'burst');
      url.searchParams.set('r', run);
      url.searchParams.set('i', String(i));
      url.searchParams.set('acao', origins.page);
      if (withHeader) url.searchParams.set('acah', 'x-lab-trace');
      return fetch(url, withHeader ? { headers: { 'X-Lab-Trace': String(i) } } : {}).then((r) => r.text());
    }));
    const ms = performance.now() - start;
    const ok = results.filter((r) => r.status === 'fulfilled').length;
    const result = { run, n: count, ok, failed: count - ok, ms };
    window.labBurstResult = result;
    status.textContent = `done: ${ok}/${count} in ${ms.toFixed(1)} ms`;
    document.body.dataset.burst = 'done';
    return result;
  };
  document.body.dataset.ready = 'true';
})();
