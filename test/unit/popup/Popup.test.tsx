// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { readHar, type HarReport } from '../../../src/core/har';
import { EN } from '../../../src/core/i18n/catalogues';
import { API, PAGE, exchange } from '../../support/builder';
import { entries, fakeConnector, NOW, TAB } from './fake-connector';
import { blockedPut, mount } from './mount';

afterEach(cleanup);

const simpleGet = (id: string, start = NOW - 9_000) => ({
  ...exchange().id(id).to(`${API}/ok?n=${id}`).response((r) => r.acao(PAGE)).build(),
  timings: { start, end: start + 10 },
});
const bar = (label: string) => screen.getAllByRole('listitem').find((li) => li.getAttribute('data-verdict') && li.textContent?.startsWith(label));

describe('popup: empty tab', () => {
  it('says what to do, and offers nothing to export, copy or clear', async () => {
    await mount(fakeConnector([]));
    expect(screen.getByTestId('empty').textContent).toContain('Reload the page');
    expect((screen.getByRole('button', { name: 'Export report' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Copy summary' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Clear' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Pause capture' }) as HTMLButtonElement).disabled).toBe(false);
    expect(screen.queryByRole('list', { name: /Requests by verdict/ })).toBeNull();
  });

  it('says capture is paused when it is', async () => {
    const conn = fakeConnector([]);
    conn.settingsNow = { ...conn.settingsNow, paused: true };
    await mount(conn);
    expect(screen.getByTestId('empty').textContent).toContain('Capture is paused');
    expect(screen.getByRole('button', { name: 'Resume capture' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('explains when there is no tab to describe', async () => {
    await mount(fakeConnector([]), null);
    expect(screen.getByRole('alert').textContent).toContain('No tab to describe');
  });

  it('shows the background\'s failure instead of a blank popup', async () => {
    const conn = fakeConnector([]);
    conn.failLoad = 'CORS Lens background is not reachable: worker stopped';
    await mount(conn);
    expect(screen.getByRole('alert').textContent).toBe('Could not read this tab\'s log: CORS Lens background is not reachable: worker stopped');
  });
});

describe('popup: one blocked exchange', () => {
  it('asks the background once, then draws counts, the group and the newest blocked request as text', async () => {
    const conn = fakeConnector(entries([blockedPut('b1')]));
    await mount(conn);
    expect(conn.calls).toEqual([`load:${TAB}`]);
    expect(screen.getByRole('list', { name: 'Requests by verdict, 1 in all' })).toBeTruthy();
    expect(bar('Blocked')?.textContent).toBe('Blocked1');
    const group = screen.getByTestId('group');
    expect(group.textContent).toContain(`PUT ${API}/items`);
    expect(group.textContent).toContain('PreflightMissingAllowOriginHeader');
    expect(within(group).getByLabelText('1 times').textContent).toBe('×1');
    expect(screen.getByTestId('newest').textContent).toBe(
      `Newest blocked: PUT ${API}/items was blocked 5 seconds ago: ${EN.t(conn.log[0]!.verdict.reasons[0]!.summary)}`,
    );
    expect(screen.queryByTestId('dropped')).toBeNull();
    expect(screen.queryByTestId('partial-note')).toBeNull();
  });

  it('exports every exchange as a HAR file named after the host and the time, secrets redacted', async () => {
    const conn = fakeConnector(entries([blockedPut('b1'), simpleGet('s1')]));
    await mount(conn);
    fireEvent.click(screen.getByRole('button', { name: 'Export report' }));
    await waitFor(() => expect(conn.downloads).toHaveLength(1));
    const { text, fileName } = conn.downloads[0]!;
    const local = new Date(NOW);
    const p = (n: number) => String(n).padStart(2, '0');
    expect(fileName).toBe(`cors-report-127.0.0.1_4001-${local.getFullYear()}${p(local.getMonth() + 1)}${p(local.getDate())}-${p(local.getHours())}${p(local.getMinutes())}${p(local.getSeconds())}.har`);
    expect(text).not.toContain('s3cret');
    const har = JSON.parse(text) as HarReport;
    expect(har.log.browser).toEqual({ name: 'Chromium', version: '156.0.7390.1' });
    expect(har.log.pages.map((pg) => pg.title)).toEqual([`${PAGE}/shop/index.html`]);
    expect(readHar(text).exchanges.map((x) => x.id).sort()).toEqual(['b1', 's1']);
    expect(screen.getByRole('status').textContent).toContain('Cookies and credentials redacted');
    expect(conn.calls).toEqual([`load:${TAB}`, `snapshot:${TAB}`]);
  });

  it('keeps sensitive values only for the export the box was ticked for', async () => {
    const conn = fakeConnector(entries([blockedPut('b1')]));
    await mount(conn);
    fireEvent.click(screen.getByRole('checkbox', { name: 'include sensitive headers' }));
    fireEvent.click(screen.getByRole('button', { name: 'Export report' }));
    await waitFor(() => expect(conn.downloads).toHaveLength(1));
    expect(conn.downloads[0]!.text).toContain('sid=s3cret');
    expect(screen.getByRole('status').textContent).toContain('Sensitive headers included');
    expect((screen.getByRole('checkbox', { name: 'include sensitive headers' }) as HTMLInputElement).checked).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Export report' }));
    await waitFor(() => expect(conn.downloads).toHaveLength(2));
    expect(conn.downloads[1]!.text).not.toContain('s3cret');
  });

  it('copies a Markdown summary with the endpoint, the reason and the fix headers', async () => {
    const conn = fakeConnector(entries([blockedPut('b1')]));
    await mount(conn);
    fireEvent.click(screen.getByRole('button', { name: 'Copy summary' }));
    await waitFor(() => expect(conn.copies).toHaveLength(1));
    const md = conn.copies[0]!;
    expect(md).toContain('## CORS report for `127.0.0.1:4001`');
    expect(md).toContain(`### 1. \`PUT ${API}/items\` — 1 × PreflightMissingAllowOriginHeader`);
    expect(md).toContain(`Access-Control-Allow-Origin: ${PAGE}`);
    expect(md).toContain('Access-Control-Allow-Methods: PUT');
    expect(md).toContain('Access-Control-Allow-Credentials: true');
    expect(md).not.toContain('s3cret');
    expect(screen.getByRole('status').textContent).toBe('Summary copied as Markdown.');
  });

  it('says so when the clipboard refuses', async () => {
    const conn = fakeConnector(entries([blockedPut('b1')]));
    conn.copyWorks = false;
    await mount(conn);
    fireEvent.click(screen.getByRole('button', { name: 'Copy summary' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('The clipboard refused the summary'));
  });

  it('clears the log and shows the empty state', async () => {
    const conn = fakeConnector(entries([blockedPut('b1')]));
    await mount(conn);
    fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    await waitFor(() => expect(screen.getByTestId('empty')).toBeTruthy());
    expect(conn.calls).toEqual([`load:${TAB}`, `clear:${TAB}`, `load:${TAB}`]);
    expect(screen.getByRole('status').textContent).toBe('Log cleared.');
  });

  it('pauses and resumes capture', async () => {
    const conn = fakeConnector(entries([blockedPut('b1')]));
    await mount(conn);
    fireEvent.click(screen.getByRole('button', { name: 'Pause capture' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Resume capture' }).getAttribute('aria-pressed')).toBe('true'));
    expect(screen.getByText('paused')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Resume capture' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Pause capture' })).toBeTruthy());
    expect(conn.calls.slice(1)).toEqual(['pause:true', 'pause:false']);
  });

  it('opens the panel page for this tab and tells how to reach the DevTools tab', async () => {
    const conn = fakeConnector(entries([blockedPut('b1')]));
    await mount(conn);
    expect(screen.getByText(/open DevTools \(F12\)/).textContent).toContain('CORS tab');
    fireEvent.click(screen.getByRole('button', { name: 'Open the panel in a tab' }));
    await waitFor(() => expect(conn.calls).toContain(`panel:${TAB}`));
  });

  it('renders header values from the wire as text, never as markup', async () => {
    const evil = '<img src=x onerror="window.__pwned=1">';
    const x = { ...exchange().id('e1').response((r) => r.acao(evil)).failed().build(), timings: { start: NOW - 1000, end: NOW - 990 } };
    const conn = fakeConnector(entries([x]));
    await mount(conn);
    expect(document.querySelector('img')).toBeNull();
    expect(document.body.textContent).toContain(evil);
  });
});

describe('popup: 5,000 exchanges', () => {
  const many = () => {
    const list = [];
    for (let i = 0; i < 5000; i++) {
      const at = NOW - 600_000 + i * 100;
      if (i % 5 === 0) list.push(blockedPut(`b${i}`, `/items/${i % 3}`, at));
      else list.push(simpleGet(`s${i}`, at));
    }
    return entries(list);
  };

  it('shows exact counts, groups the newest blocked ones worst first and says the grouping is partial', async () => {
    const conn = fakeConnector(many(), 1234);
    await mount(conn);
    expect(screen.getByRole('list', { name: 'Requests by verdict, 5,000 in all' })).toBeTruthy();
    expect(bar('Blocked')?.textContent).toBe('Blocked1,000');
    expect(bar('Simple')?.textContent).toBe('Simple4,000');
    expect(screen.getByTestId('partial-note').textContent).toBe(
      'Grouped from the newest 50 of 1,000 blocked requests; the report and the copied summary cover all of them.',
    );
    const groups = screen.getAllByTestId('group');
    expect(groups.map((g) => within(g).getByLabelText(/times/).textContent)).toEqual(['×17', '×17', '×16']);
    expect(screen.getByTestId('dropped').textContent).toBe('1,234 older requests were dropped to stay within the log limit.');
  });

  it('exports all 5,000 exchanges and copies a summary counting all 1,000 blocked', async () => {
    const conn = fakeConnector(many());
    await mount(conn);
    fireEvent.click(screen.getByRole('button', { name: 'Export report' }));
    // 5,000 exchanges: the report (with the findings lens over all of them) takes about a second, more on a loaded machine.
    await waitFor(() => expect(conn.downloads).toHaveLength(1), { timeout: 15_000 });
    const har = JSON.parse(conn.downloads[0]!.text) as HarReport;
    expect(har.log._corsLens.exchanges).toBe(5000);
    expect(har.log.entries.filter((e) => e._cors.role === 'request')).toHaveLength(5000);
    expect(har.log.entries.filter((e) => e._cors.role === 'preflight')).toHaveLength(1000);
    fireEvent.click(screen.getByRole('button', { name: 'Copy summary' }));
    await waitFor(() => expect(conn.copies).toHaveLength(1), { timeout: 15_000 });
    expect(conn.copies[0]).toContain('**1,000 blocked requests** on 3 endpoint/reason pairs');
    expect(conn.copies[0]).toContain('Requests seen: 5,000 — blocked 1,000, simple 4,000.');
  }, 40_000); // its waits allow 15 s each on a loaded machine: the test's own limit must allow them
});
