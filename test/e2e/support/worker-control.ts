/** Stopping the extension's service worker the way Chromium does when it is idle, through DevTools. */
import type { BrowserContext } from 'playwright-core';
import { until } from './extension';

/** Stops every service worker of the profile (ServiceWorker.stopAllWorkers) and waits until the extension's is gone. */
export async function stopExtensionWorker(context: BrowserContext, extensionId: string): Promise<void> {
  const page = await context.newPage();
  try {
    const session = await context.newCDPSession(page);
    const ours = async () => (await session.send('Target.getTargets')).targetInfos
      .filter((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`));
    if ((await ours()).length === 0) throw new Error('the extension\'s service worker is not running');
    await session.send('ServiceWorker.enable');
    await session.send('ServiceWorker.stopAllWorkers');
    await until('the extension\'s service worker to stop', async () => (await ours()).length === 0);
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
