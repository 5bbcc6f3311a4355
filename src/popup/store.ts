/**
 * The popup's state as signals, and its actions. It reads once on open (`load`); every action
 * says what happened in `notice` and never leaves the popup blank.
 */
import { computed, signal } from '@preact/signals';
import { isMsg, m, type Msg } from '../core/i18n/msg';
import { fixesFor } from '../core/fix';
import { describeBlocked, groupBlocked, newestBlocked, summaryMarkdown } from '../core/report/summary';
import type { CaptureMode, Settings, TabSummary } from '../shared/protocol';
import { prepareReport } from '../shared/report-download';
import { words } from '../ui/i18n';
import type { PopupConnector } from './connector';

type Busy = 'export' | 'copy' | 'clear' | 'pause' | 'panel' | 'scope' | null;
/** What an action said; a message, so it is shown in the page's language even after a switch. */
interface Notice { tone: 'info' | 'error'; msg: Msg }

/** A failure whose words are ours (a message), not a browser's or the background's error text. */
class SaidError extends Error {
  constructor(readonly msg: Msg) {
    super(msg.id);
  }
}

/** Text from elsewhere (an error message, a sentence not yet a message) shown as it is. */
const asIs = (text: string): Msg => m('popup_text', { text });
/** An error's words: its message (`msg`, ours or one the transport attached) when it has one, else its text as is. */
function errorMsg(err: unknown): Msg {
  const said = err instanceof SaidError ? err.msg : (err as { msg?: unknown } | null)?.msg;
  return isMsg(said) ? said : asIs(err instanceof Error ? err.message : String(err));
}

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

  async function run(kind: Exclude<Busy, null>, work: () => Promise<Msg | null>): Promise<void> {
    if (busy.value) return;
    busy.value = kind;
    try {
      const msg = await work();
      notice.value = msg === null ? null : { tone: 'info', msg };
    } catch (err) {
      notice.value = { tone: 'error', msg: errorMsg(err) };
    } finally {
      busy.value = null;
    }
  }

  const needTab = (): number => {
    if (tabId === null) throw new SaidError(m('popup_no_tab_short'));
    return tabId;
  };

  return {
    tabId, status, summary, settings, includeSensitive, busy, notice, groups, newest, partial,

    async load(): Promise<void> {
      if (tabId === null) {
        status.value = 'error';
        notice.value = { tone: 'error', msg: m('popup_no_tab') };
        return;
      }
      try {
        const r = await conn.load(tabId);
        summary.value = r.summary;
        settings.value = r.settings;
        status.value = 'ready';
      } catch (err) {
        status.value = 'error';
        notice.value = { tone: 'error', msg: m('popup_load_failed', { error: errorMsg(err) }) };
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
      const secrets = m(includeSensitive.value ? 'popup_saved_sensitive' : 'popup_saved_redacted');
      // The opt-in covers one export: the next one is redacted again unless asked anew.
      includeSensitive.value = false;
      return m('popup_saved', { file: fileName, count: snap.entries.length, secrets });
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
        tool: `CORS Lens ${env.extensionVersion}`, // i18n-exempt: the product name and version, the same in every language
        browser: `${env.browser.name} ${env.browser.version}`.trim(),
        now: conn.now(),
        fixes: fixesFor,
        // the summary is pasted where the reader of the popup works: in the popup's language
        words: words.value,
      });
      if (!(await conn.copy(text))) throw new SaidError(m('popup_clipboard_refused'));
      return m('popup_summary_copied');
    }),

    clear: () => run('clear', async () => {
      const id = needTab();
      await conn.clear(id);
      const r = await conn.load(id);
      summary.value = r.summary;
      settings.value = r.settings;
      return m('popup_log_cleared');
    }),

    togglePause: () => run('pause', async () => {
      const paused = !(settings.value?.paused ?? false);
      settings.value = await conn.setPaused(paused);
      return m(settings.value.paused ? 'popup_capture_paused' : 'popup_capture_resumed');
    }),

    /** Capture every tab or only the chosen ones; the tab's capture is read again (it may have changed). */
    setCaptureMode: (mode: CaptureMode) => run('scope', async () => {
      settings.value = await conn.setCaptureMode(mode);
      const r = await conn.load(needTab());
      summary.value = r.summary;
      return null;
    }),

    /** Turns this tab (`tab`) or its site (`site`) on or off. */
    setCapture: (change: { tab?: boolean; site?: boolean }) => run('scope', async () => {
      const id = needTab();
      const before = summary.value?.capture?.why;
      const capture = await conn.setCapture(id, change).catch((err: unknown) => {
        throw new SaidError(m('scope_failed', { error: errorMsg(err) }));
      });
      if (summary.value) summary.value = { ...summary.value, capture };
      return before === 'off' && capture.why !== 'off' ? m('scope_turned_on') : null;
    }),

    openPanel: () => run('panel', async () => {
      await conn.openPanel(needTab());
      return null;
    }),
  };
}

export type PopupStore = ReturnType<typeof createPopupStore>;
