/** The pages' BackgroundConnection over a runtime: requests, errors, the tab port and its end. */
import { describe, expect, it } from 'vitest';
import { BackgroundError, createChromeConnection } from '../../../src/shared/chrome-connection';
import { dispatch } from '../../../src/background/messaging';
import type { PortMessage } from '../../../src/shared/protocol';
import { portMessage, type PortLike } from '../../../src/shared/transport';
import { API, harness, TAB } from '../background/harness';

type RuntimeLike = NonNullable<Parameters<typeof createChromeConnection>[0]>;

class FakePort implements PortLike {
  readonly messages = new Set<(m: unknown) => void>();
  readonly disconnects = new Set<() => void>();
  disconnected = false;
  constructor(readonly name: string) {}
  postMessage(): void {}
  disconnect(): void { this.disconnected = true; }
  onMessage = {
    addListener: (cb: (m: unknown) => void) => { this.messages.add(cb); },
    removeListener: (cb: (m: unknown) => void) => { this.messages.delete(cb); },
  };
  onDisconnect = {
    addListener: (cb: () => void) => { this.disconnects.add(cb); },
    removeListener: (cb: () => void) => { this.disconnects.delete(cb); },
  };
  /** The background side posts / goes away. */
  deliver(m: unknown): void { for (const cb of [...this.messages]) cb(m); }
  drop(): void { for (const cb of [...this.disconnects]) cb(); }
}

describe('createChromeConnection', () => {
  it('sends versioned request messages and returns results from the real handlers', async () => {
    const h = harness();
    h.t.request('1', `${API}/a`).failed('1', `${API}/a`, 'net::ERR_FAILED');
    const sent: unknown[] = [];
    const runtime: RuntimeLike = {
      sendMessage: async (m) => { sent.push(m); return dispatch(h.session.handlers(), m); },
      connect: () => { throw new Error('unused'); },
    };
    const conn = createChromeConnection(runtime);
    const summary = await conn.request('get-summary', { tabId: TAB });
    expect(summary).toMatchObject({ total: 1, counts: { blocked: 1 } });
    expect(sent).toEqual([{ v: 1, name: 'get-summary', payload: { tabId: TAB } }]);
    await expect(conn.request('set-settings', { paused: 'no' as unknown as boolean })).rejects.toThrow(BackgroundError);
    await expect(conn.request('set-settings', { paused: 'no' as unknown as boolean })).rejects.toThrow('must be true or false');
  });

  it('reports an unreachable or silent background as an error', async () => {
    const silent = createChromeConnection({ sendMessage: async () => undefined, connect: () => { throw new Error(); } });
    await expect(silent.request('get-settings', {})).rejects.toThrow('CORS Lens background sent no answer');
    const gone = createChromeConnection({
      sendMessage: async () => { throw new Error('Could not establish connection. Receiving end does not exist.'); },
      connect: () => { throw new Error(); },
    });
    await expect(gone.request('get-settings', {})).rejects.toThrow('not reachable: Could not establish connection');
  });

  it('opens the tab port by name, accepts only protocol messages, and makes its end observable', () => {
    let port: FakePort | null = null;
    const conn = createChromeConnection({
      sendMessage: async () => undefined,
      connect: ({ name }) => (port = new FakePort(name)),
    });
    const source = conn.openTab(42);
    expect(port!.name).toBe('cors-lens/tab/42');
    const got: PortMessage[] = [];
    source.listen((m) => got.push(m));
    let closed = 0;
    source.onClose(() => closed++);
    port!.deliver({ hello: 'world' });
    port!.deliver(portMessage('settings', { paused: true, keepLog: false, recordSameOrigin: true }));
    expect(got.map((m) => m.name)).toEqual(['settings']);
    port!.drop();
    expect(closed).toBe(1);
  });
});
