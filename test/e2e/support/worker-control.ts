/** Stopping the extension's service worker the way Chromium does when it is idle, through DevTools. */
import type { BrowserContext } from 'playwright-core';
import { until } from './extension';

interface VersionUpdate { versions: { versionId: string; scriptURL: string; runningStatus: string }[] }

/**
 * Stops every service worker of the profile (ServiceWorker.stopAllWorkers) and waits until the
 * extension's worker has stopped: its DevTools target is gone, or (when traffic wakes it again at
 * once, as in a burst) Chromium reported its version `stopped` before it started again. With
 * `untilRunning`, it then waits until the worker runs again (traffic woke it).
 */
export async function stopExtensionWorker(context: BrowserContext, extensionId: string, untilRunning = false): Promise<void> {
  const page = await context.newPage();
  try {
    const session = await context.newCDPSession(page);
    const prefix = `chrome-extension://${extensionId}/`;
    const ours = async () => (await session.send('Target.getTargets')).targetInfos
      .filter((t) => t.type === 'service_worker' && t.url.startsWith(prefix));
    if ((await ours()).length === 0) throw new Error('the extension\'s service worker is not running');
    let armed = false;
    let stopped = false;
    let runningAgain = false;
    session.on('ServiceWorker.workerVersionUpdated', (e: VersionUpdate) => {
      if (!armed) return;
      for (const v of e.versions) {
        if (!v.scriptURL.startsWith(prefix)) continue;
        if (v.runningStatus === 'stopped') stopped = true;
        else if (stopped && v.runningStatus === 'running') runningAgain = true;
      }
    });
    // enable reports the current state first (running): only what follows the stop counts.
    await session.send('ServiceWorker.enable');
    armed = true;
    await session.send('ServiceWorker.stopAllWorkers');
    await until('the extension\'s service worker to stop', async () => stopped || (await ours()).length === 0);
    if (untilRunning) await until('the extension\'s service worker to run again', async () => runningAgain || (await ours()).length > 0, 60_000);
    await session.detach();
  } finally {
    await page.close();
  }
}

/** Whether the extension's service worker is running now. */
export async function extensionWorkerRunning(context: BrowserContext, extensionId: string): Promise<boolean> {
  const page = await context.newPage();
  try {
    const session = await context.newCDPSession(page);
    const { targetInfos } = await session.send('Target.getTargets');
    return targetInfos.some((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`));
  } finally {
    await page.close();
  }
}
