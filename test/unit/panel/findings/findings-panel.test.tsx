// @vitest-environment happy-dom
/**
 * The panel's findings: the Findings filter and its counts, the marker on rows, and the Security section,
 * on what the core's findingsOf makes of test exchanges (sent as the worker's `findings` port event).
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { findingsOf } from '../../../../src/core/findings';
import { panelActions } from '../../../../src/panel/actions';
import { connectLive } from '../../../../src/panel/live';
import { Panel } from '../../../../src/panel/Panel';
import { createPanelStore } from '../../../../src/panel/store';
import { remoteEntries } from '../../../../src/shared/entry-source';
import type { ExchangeEntry } from '../../../../src/shared/protocol';
import { fakeBackground } from '../fake-background';
import { loadedDetails, snapshot } from '../fixtures';
import { EN } from '../../../../src/core/i18n/catalogues';
import { clean, echoNoVary, lensEvent, nullOrigin, repeated, SCRIPT } from './lens';

afterEach(cleanup);

function mount(entries: ExchangeEntry[]) {
  const bg = fakeBackground(snapshot(entries));
  const store = createPanelStore(remoteEntries(bg.conn, 7));
  connectLive({ conn: bg.conn, tabId: 7, store });
  render(<Panel store={store} actions={panelActions(bg.conn, 7, store)} />);
  return { bg, store };
}

const grid = () => screen.getByRole('grid', { name: 'Cross-origin requests' });
const bodyRows = () => within(grid()).getAllByRole('row').slice(1);
const rowFor = (text: string) => bodyRows().find((r) => r.textContent?.includes(text));
const findingsGroup = () => screen.getByRole('group', { name: 'Findings' });

describe('Findings in the panel', () => {
  const entries = () => [nullOrigin(1), echoNoVary(2), clean(3)];

  it('counts findings by severity next to the verdict filters, from the worker\'s findings event', async () => {
    const list = entries();
    const { bg } = mount(list);
    await waitFor(() => expect(bodyRows()).toHaveLength(3));
    expect(within(findingsGroup()).getByRole('button', { name: /^Findings: .*\(0 findings\)/ })).toBeDefined();
    const event = lensEvent(list);
    expect(event.findings.map((f) => [f.id, f.severity])).toEqual([['null-origin-allowed', 'high'], ['origin-echo-without-vary', 'low']]);
    bg.push('findings', event);
    await waitFor(() => within(findingsGroup()).getByRole('button', { name: /^Findings: .*\(2 findings\)/ }));
    const g = findingsGroup();
    expect(within(g).getByRole('button', { name: /^High or above: .*\(1 high finding\)/ }).textContent).toBe('▲High1');
    expect(within(g).getByRole('button', { name: /^Medium or above: .*\(0 medium findings\)/ })).toBeDefined();
    expect(within(g).getByRole('button', { name: /^Low or above: .*\(1 low finding\)/ })).toBeDefined();
    expect(within(g).getByRole('button', { name: /^Info or above: .*\(0 info findings\)/ })).toBeDefined();
  });

  it('marks each row with findings by its worst severity, in words; rows without findings have no marker', async () => {
    const list = entries();
    const { bg } = mount(list);
    await waitFor(() => expect(bodyRows()).toHaveLength(3));
    bg.push('findings', lensEvent(list));
    await waitFor(() => expect(within(rowFor('/me')!).queryByTestId('finding-mark')).not.toBeNull());
    const high = within(rowFor('/me')!).getByTestId('finding-mark');
    expect(high.textContent).toBe('▲High: 1 finding, worst high');
    expect(high.querySelector('.sr-only')!.textContent).toBe(': 1 finding, worst high');
    expect(high.querySelector('[aria-hidden="true"]')!.textContent).toBe('▲');
    expect(within(rowFor('/echo')!).getByTestId('finding-mark').textContent).toContain('Low');
    expect(within(rowFor('/clean')!).queryByTestId('finding-mark')).toBeNull();
  });

  it('the Findings filter shows only exchanges with findings, or at or above a severity; off again shows all', async () => {
    const list = entries();
    const { bg, store } = mount(list);
    await waitFor(() => expect(bodyRows()).toHaveLength(3));
    bg.push('findings', lensEvent(list));
    await waitFor(() => expect(store.findingIndex.value.worst.size).toBe(2));
    const all = within(findingsGroup()).getByRole('button', { name: /^Findings:/ });
    fireEvent.click(all);
    await waitFor(() => expect(bodyRows()).toHaveLength(2));
    expect(all.getAttribute('aria-pressed')).toBe('true');
    expect(rowFor('/clean')).toBeUndefined();
    fireEvent.click(within(findingsGroup()).getByRole('button', { name: /^High or above/ }));
    await waitFor(() => expect(bodyRows()).toHaveLength(1));
    expect(rowFor('/me')).toBeDefined();
    fireEvent.click(within(findingsGroup()).getByRole('button', { name: /^Medium or above/ }));
    await waitFor(() => expect(bodyRows()).toHaveLength(1));
    fireEvent.click(within(findingsGroup()).getByRole('button', { name: /^Low or above/ }));
    await waitFor(() => expect(bodyRows()).toHaveLength(2));
    // The text filter narrows within it.
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'echo' } });
    await waitFor(() => expect(bodyRows()).toHaveLength(1));
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: '' } });
    fireEvent.click(within(findingsGroup()).getByRole('button', { name: /^Findings:/ }));
    await waitFor(() => expect(bodyRows()).toHaveLength(3));
  });

  it('shows the Security section with the finding\'s own words, evidence, why, fix and pages to read', async () => {
    const list = entries();
    const { bg } = mount(list);
    await waitFor(() => expect(bodyRows()).toHaveLength(3));
    bg.push('findings', lensEvent(list));
    await waitFor(() => expect(within(rowFor('/me')!).queryByTestId('finding-mark')).not.toBeNull());
    fireEvent.click(rowFor('/me')!);
    const details = await loadedDetails();
    const section = within(details).getByRole('region', { name: 'Security (1 finding)' });
    const [f] = findingsOf(list).filter((x) => x.exchangeIds.includes('n1'));
    const item = section.querySelector(`[data-finding="${f!.id}"]`)!;
    expect(item.querySelector('h4')!.textContent).toBe(`▲High ${EN.t(f!.title)}${f!.id}`);
    expect(within(item as HTMLElement).getByTestId('finding-summary').textContent).toBe(EN.t(f!.summary));
    expect(item.textContent).toContain(`Why it matters: ${EN.t(f!.why)}`);
    expect(item.textContent).toContain(`Fix: ${EN.t(f!.fix)}`);
    const evidence = [...item.querySelectorAll('.finding-evidence')].map((li) => li.textContent);
    expect(evidence).toEqual([
      'Access-Control-Allow-Origin: null in the response of this request',
      'Access-Control-Allow-Credentials: true in the response of this request',
    ]);
    const links = within(item as HTMLElement).getAllByRole('link');
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual(f!.learnMore.map((l) => [EN.t(l.title), l.url]));
    expect(links.every((a) => a.getAttribute('rel') === 'noopener noreferrer')).toBe(true);
    expect(f!.learnMore.some((l) => /portswigger|owasp|developer\.mozilla/.test(l.url))).toBe(true);
    // A row without findings has no Security section.
    fireEvent.click(rowFor('/clean')!);
    await waitFor(() => expect(within(screen.getByRole('complementary')).queryByRole('region', { name: /^Security/ })).toBeNull());
  });

  it('names the other exchanges a finding rests on and jumps to them', async () => {
    const list = repeated(undefined);
    const { bg, store } = mount(list);
    await waitFor(() => expect(bodyRows().length).toBeGreaterThan(0));
    bg.push('findings', lensEvent(list));
    await waitFor(() => expect(store.findingIndex.value.worst.size).toBe(5));
    fireEvent.click(rowFor('/items/1')!);
    const details = await loadedDetails();
    const item = details.querySelector('[data-finding="preflight-not-cached"]')!;
    expect(item.textContent).toContain('seen on this request and 4 others');
    const jumps = within(item as HTMLElement).getAllByRole('button', { name: /^Go to PUT / });
    expect(jumps).toHaveLength(4);
    fireEvent.click(jumps[1]!);
    expect(store.openKey.value).toBe('items1-2');
  });

  it('renders hostile header values in the evidence as text, never as HTML', async () => {
    const list = repeated(SCRIPT);
    const { bg } = mount(list);
    await waitFor(() => expect(bodyRows().length).toBeGreaterThan(0));
    bg.push('findings', lensEvent(list));
    await waitFor(() => expect(within(rowFor('/items/1')!).queryByTestId('finding-mark')).not.toBeNull());
    fireEvent.click(rowFor('/items/1')!);
    const details = await loadedDetails();
    const item = details.querySelector('[data-finding="preflight-not-cached"]')!;
    expect(item.textContent).toContain(`Access-Control-Max-Age: ${SCRIPT} in the preflight response of this request`);
    expect(details.querySelector('script')).toBeNull();
    expect((globalThis as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('a navigation that clears the log clears its findings; a malformed findings event is ignored, not thrown', async () => {
    const list = entries();
    const { bg, store } = mount(list);
    await waitFor(() => expect(bodyRows()).toHaveLength(3));
    bg.push('findings', lensEvent(list));
    await waitFor(() => expect(store.findingIndex.value.counts.high).toBe(1));
    bg.push('findings', { tabId: 7, findings: [{ id: 'x', severity: 'fatal' }, null, 'text'], cost: [{}], summary: {} } as never);
    await waitFor(() => expect(store.findingIndex.value.counts.high).toBe(0));
    expect(store.findings.value).toEqual({ findings: [], cost: [] });
    bg.push('findings', lensEvent(list));
    await waitFor(() => expect(store.findingIndex.value.counts.high).toBe(1));
    bg.push('reset', { reason: 'navigation', summary: snapshot([]).summary });
    await waitFor(() => expect(store.findingIndex.value.counts.high).toBe(0));
  });
});
