/**
 * The popup's state as signals, and its actions. It reads once on open (`load`); every action
 * says what happened in `notice` and never leaves the popup blank.
 */
import { computed, signal } from '@preact/signals';
import { fixesFor } from '../core/fix';
import { describeBlocked, groupBlocked, newestBlocked, summaryMarkdown } from '../core/report/summary';
import type { Settings, TabSummary } from '../shared/protocol';
import { prepareReport } from '../shared/report-download';
import type { PopupConnector } from './connector';

type Busy = 'export' | 'copy' | 'clear' | 'pause' | 'panel' | null;
interface Notice { tone: 'info' | 'error'; text: string }

const errorText = (err: unknown): string => (err instanceof Error ? err.message : String(err));
const plural = (n: number, word: string): string => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

export function createPopupStore(conn: PopupConnector, tabId: number | null) {
  const status = signal<'loading' | 'ready' | 'error'>('loading');
  const summary = signal<TabSummary | null>(null);
  const settings = signal<Settings | null>(null);
  const includeSensitive = signal(false);
  const busy = signal<Busy>(null);
  const notice = signal<Notice | null>(null);

  const groups = computed(() => groupBlocked(summary.value?.blocked ?? []));
  const newest = computed(() => {
    const e = newestBlocked(summary.value?.blocked ?? []);
    return e ? describeBlocked(e, conn.now()) : null;
  });
  /** The groups cover only the newest blocked entries the summary carries. */
  const partial = computed(() => {
    const s = summary.value;
    return s ? s.counts.blocked > s.blocked.length : false;
  });

  async function run(kind: Exclude<Busy, null>, work: () => Promise<string | null>): Promise<void> {
    if (busy.value) return;
    busy.value = kind;
    try {
      const text = await work();
      notice.value = text === null ? null : { tone: 'info', text };
    } catch (err) {
      notice.value = { tone: 'error', text: errorText(err) };
    } finally {
      busy.value = null;
    }
  }

  const needTab = (): number => {
    if (tabId === null) throw new Error('No tab to describe.');
    return tabId;
  };

  return {
    tabId, status, summary, settings, includeSensitive, busy, notice, groups, newest, partial,

    async load(): Promise<void> {
      if (tabId === null) {
        status.value = 'error';
        notice.value = { tone: 'error', text: 'No tab to describe: open the popup from a browser tab, or add ?tabId=N to its address.' };
        return;
      }
      try {
        const r = await conn.load(tabId);
        summary.value = r.summary;
        settings.value = r.settings;
        status.value = 'ready';
      } catch (err) {
        status.value = 'error';
        notice.value = { tone: 'error', text: `Could not read this tab's log: ${errorText(err)}` };
      }
    },

    exportReport: () => run('export', async () => {
      const snap = await conn.snapshot(needTab());
      const pages = snap.summary.page ? [snap.summary.page] : [];
      const { fileName, text } = prepareReport(
        { entries: snap.entries, pages, pageUrl: snap.summary.page?.url ?? null, includeSensitive: includeSensitive.value, now: new Date(conn.now()), dropped: snap.summary.dropped },
        conn.environment.browser,
        conn.environment.extensionVersion,
      );
      conn.download(text, fileName);
      const secrets = includeSensitive.value ? ' Sensitive headers included.' : ' Cookies and credentials redacted.';
      // The opt-in covers one export: the next one is redacted again unless asked anew.
      includeSensitive.value = false;
      return `Saved ${fileName} (${plural(snap.entries.length, 'request')}).${secrets}`;
    }),

    copySummary: () => run('copy', async () => {
      const snap = await conn.snapshot(needTab());
      const env = conn.environment;
      const text = summaryMarkdown({
        entries: snap.entries,
        pageUrl: snap.summary.page?.url ?? null,
        counts: snap.summary.counts,
        total: snap.summary.total,
        dropped: snap.summary.dropped,
        tool: `CORS Lens ${env.extensionVersion}`,
        browser: `${env.browser.name} ${env.browser.version}`.trim(),
        now: conn.now(),
        fixes: fixesFor,
      });
      if (!(await conn.copy(text))) throw new Error('The clipboard refused the summary. Try again with the popup focused.');
      return 'Summary copied as Markdown.';
    }),

    clear: () => run('clear', async () => {
      const id = needTab();
      await conn.clear(id);
      const r = await conn.load(id);
      summary.value = r.summary;
      settings.value = r.settings;
      return 'Log cleared.';
    }),

    togglePause: () => run('pause', async () => {
      const paused = !(settings.value?.paused ?? false);
      settings.value = await conn.setPaused(paused);
      return settings.value.paused ? 'Capture paused: new requests are not recorded.' : 'Capture resumed.';
    }),

    openPanel: () => run('panel', async () => {
      await conn.openPanel(needTab());
      return null;
    }),
  };
}

export type PopupStore = ReturnType<typeof createPopupStore>;
