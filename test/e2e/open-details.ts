/**
 * Run in the panel page (a string, so no bundler rewrites it): clicks the table row whose text contains
 * `text`, waits until the details show that exchange, then for the next frame, and resolves with the
 * milliseconds from the click. Shared by panel-long-values.test.ts and bench/panel.bench.ts.
 */
export const OPEN_DETAILS_SCRIPT = `(async (text) => {
  const row = [...document.querySelectorAll('.vt-body [role=row]')].find((r) => r.textContent.includes(text));
  if (!row) throw new Error('no row with ' + text);
  const shown = () => document.querySelector('.details .details-url')?.textContent?.includes(text);
  const t0 = performance.now();
  row.click();
  await new Promise((resolve) => {
    if (shown()) return resolve();
    const mo = new MutationObserver(() => { if (shown()) { mo.disconnect(); resolve(); } });
    mo.observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  await new Promise((resolve) => requestAnimationFrame(() => {
    const c = new MessageChannel();
    c.port1.onmessage = () => resolve();
    c.port2.postMessage(0);
  }));
  return performance.now() - t0;
})`;
