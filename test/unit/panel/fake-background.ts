/** A background for panel tests: answers requests and opens loopback ports the test can drive. */
import type { PortEventName, PortEvents, PortMessage, RequestName, Requests, Settings, TabSnapshot } from '../../../src/shared/protocol';
import type { BackgroundConnection, EventSink } from '../../../src/shared/transport';
import { loopback, portMessage } from '../../../src/shared/transport';
import { rowPages, settings as defaultSettings } from './fixtures';
import { entriesAfter } from '../../../src/background/entry-requests';

export interface FakeBackground {
  conn: BackgroundConnection;
  /** Ports opened so far, newest last (the background's ends). */
  ports: EventSink[];
  requests: { name: RequestName; payload: unknown }[];
  /** What a new port receives first. */
  state: { snapshot: TabSnapshot; settings: Settings };
  push<K extends PortEventName>(name: K, payload: PortEvents[K]): void;
  /** Refuse the next `openTab` calls with this error (e.g. a stopped worker). */
  failNextOpens: { count: number; error: Error };
}

export function fakeBackground(snapshot: TabSnapshot): FakeBackground {
  const fake: FakeBackground = {
    ports: [],
    requests: [],
    state: { snapshot, settings: snapshot.settings ?? defaultSettings() },
    failNextOpens: { count: 0, error: new Error('Could not establish connection. Receiving end does not exist.') },
    push(name, payload) {
      const port = fake.ports[fake.ports.length - 1];
      if (!port) throw new Error('no port open');
      port.send(portMessage(name, payload) as PortMessage);
    },
    conn: {
      async request<K extends RequestName>(name: K, payload: Requests[K]['payload']): Promise<Requests[K]['result']> {
        fake.requests.push({ name, payload });
        if (name === 'set-settings') {
          fake.state.settings = { ...fake.state.settings, ...(payload as Partial<Settings>) };
          return fake.state.settings as Requests[K]['result'];
        }
        if (name === 'get-settings') return fake.state.settings as Requests[K]['result'];
        if (name === 'get-snapshot') return fake.state.snapshot as Requests[K]['result'];
        if (name === 'get-entry') {
          const { id } = payload as Requests['get-entry']['payload'];
          return (fake.state.snapshot.entries.find((e) => e.exchange.id === id) ?? null) as Requests[K]['result'];
        }
        if (name === 'get-entries') {
          const { afterSeq, limit } = payload as Requests['get-entries']['payload'];
          return entriesAfter(fake.state.snapshot.entries, afterSeq, limit) as Requests[K]['result'];
        }
        if (name === 'clear') return null as Requests[K]['result'];
        return fake.state.snapshot.summary as Requests[K]['result'];
      },
      openTab() {
        if (fake.failNextOpens.count > 0) {
          fake.failNextOpens.count--;
          throw fake.failNextOpens.error;
        }
        const [bg, page] = loopback<PortMessage, never>();
        fake.ports.push(bg);
        for (const p of rowPages({ ...fake.state.snapshot, settings: fake.state.settings })) bg.send(portMessage('snapshot', p));
        return page;
      },
    },
  };
  return fake;
}
