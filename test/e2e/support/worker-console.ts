/**
 * Errors of the extension's service worker, read through the DevTools protocol: uncaught exceptions
 * and console.error calls. Runtime.enable replays what was logged before we attached, so errors
 * thrown while the worker started are included.
 */
import type { BrowserContext, CDPSession } from 'playwright-core';

export interface WorkerConsole {
  errors(): string[];
  detach(): Promise<void>;
}

export async function watchWorkerErrors(context: BrowserContext, workerUrl: string): Promise<WorkerConsole> {
  const page = await context.newPage();
  const session: CDPSession = await context.newCDPSession(page);
  const { targetInfos } = await session.send('Target.getTargets');
  const target = targetInfos.find((t) => t.type === 'service_worker' && t.url === workerUrl);
  if (!target) throw new Error(`no service worker target for ${workerUrl}`);
  const errors: string[] = [];
  let enabled: (() => void) | null = null;
  const ready = new Promise<void>((resolve) => { enabled = resolve; });
  session.on('Target.receivedMessageFromTarget', (e) => {
    const msg = JSON.parse(e.message) as { id?: number; method?: string; params?: Record<string, unknown> };
    if (msg.id === 1) enabled?.();
    if (msg.method === 'Runtime.exceptionThrown') {
      const d = (msg.params?.exceptionDetails ?? {}) as { text?: string; exception?: { description?: string } };
      errors.push(`uncaught: ${d.exception?.description ?? d.text ?? 'exception'}`);
    }
    if (msg.method === 'Runtime.consoleAPICalled' && msg.params?.type === 'error') {
      const args = (msg.params.args ?? []) as { value?: unknown; description?: string }[];
      errors.push(`console.error: ${args.map((a) => String(a.value ?? a.description ?? '')).join(' ')}`);
    }
  });
  const { sessionId } = await session.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
  await session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method: 'Runtime.enable' }) });
  await ready;
  return {
    errors: () => [...errors],
    async detach() {
      await session.detach().catch(() => undefined);
      await page.close().catch(() => undefined);
    },
  };
}
