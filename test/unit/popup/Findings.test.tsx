// @vitest-environment happy-dom
/** The popup's findings and preflight cost, from summaries the core and the worker's helpers build from test exchanges. */
import { cleanup, screen, waitFor, within, fireEvent } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { findingsOf } from '../../../src/core/findings';
import { EN } from '../../../src/core/i18n/catalogues';
import type { HarReport } from '../../../src/core/har';
import type { Exchange } from '../../../src/core/model/exchange';
import { API, PAGE, exchange } from '../../support/builder';
import { entries, fakeConnector, NOW } from './fake-connector';
import { mount } from './mount';

afterEach(cleanup);

const nullWithCredentials = (id: string, path = '/me') =>
  exchange().id(id).from('null').cookie('sid=s3cret').to(`${API}${path}`).response((r) => r.acao('null').acac('true')).build();
const echoWithoutVary = (id: string, path = '/echo') => exchange().id(id).to(`${API}${path}`).response((r) => r.acao(PAGE)).build();
const clean = (id: string) => exchange().id(id).to(`${API}/fine`).response((r) => r.acao(PAGE).header('Vary', 'Origin')).build();
const blocked = (id: string) => exchange().id(id).to(`${API}/b`).response((r) => r.status(200)).failed().build();

/** A PUT preflighted at `at` ms for `ms` ms with no Max-Age (so preflighted again and again). */
function put(id: string, at: number, ms: number, path = '/items/1'): Exchange {
  const x = exchange().id(id).method('PUT').to(`${API}${path}`)
    .preflight((p) => p.acao(PAGE).acam('PUT').header('Vary', 'Origin'))
    .response((r) => r.acao(PAGE).header('Vary', 'Origin')).build();
  x.preflights[0]!.start = NOW - 60_000 + at;
  x.preflights[0]!.end = NOW - 60_000 + at + ms;
  return x;
}

describe('popup: findings', () => {
  it('counts findings by severity in words and shows the worst ones by endpoint, with the finding\'s own title and summary', async () => {
    const log = entries([nullWithCredentials('n'), echoWithoutVary('e'), blocked('b')]);
    const found = findingsOf(log);
    await mount(fakeConnector(log));
    const section = screen.getByTestId('findings');
    // Next to the blocked ones.
    expect(screen.getByText('Blocked by endpoint and reason')).toBeTruthy();
    expect(within(section).getByRole('heading').textContent).toBe('Passes, but configured dangerously or wastefully');
    const counts = within(section).getByRole('group', { name: '2 findings: 1 high, 1 low' });
    expect([...counts.querySelectorAll('[data-severity]')].map((b) => b.textContent)).toEqual(['▲High1', '●Low1']);
    const groups = within(section).getAllByTestId('finding-group');
    expect(groups.map((g) => g.querySelector('.finding-endpoint')!.textContent)).toEqual([`${API}/me`, `${API}/echo`]);
    const rows = within(section).getAllByTestId('finding');
    expect(rows.map((r) => r.getAttribute('data-id'))).toEqual(found.map((f) => f.id));
    rows.forEach((row, i) => {
      // Severity in words (never colour alone), then the module's words.
      expect(row.querySelector('[data-severity]')!.textContent).toMatch(/High|Low/);
      expect(row.querySelector('.finding-title')!.textContent).toBe(EN.t(found[i]!.title));
      expect(row.querySelector('.finding-summary')!.textContent).toBe(EN.t(found[i]!.summary));
    });
  });

  it('groups the findings of one endpoint under it', async () => {
    const x = exchange().id('m').method('PUT').from('null').cookie('sid=1').to(`${API}/me`)
      .preflight((p) => p.acao('null').acac('true').acam('PUT').header('Access-Control-Max-Age', '86400'))
      .response((r) => r.acao('null').acac('true')).build();
    const log = entries([x, echoWithoutVary('e')]);
    const found = findingsOf(log);
    await mount(fakeConnector(log));
    const groups = within(screen.getByTestId('findings')).getAllByTestId('finding-group');
    expect(groups.map((g) => g.querySelector('.finding-endpoint')!.textContent)).toEqual([`${API}/me`, `${API}/echo`]);
    const atMe = within(groups[0]!).getAllByTestId('finding').map((r) => r.getAttribute('data-id'));
    expect(atMe).toEqual(found.filter((f) => f.endpoint === `${API}/me`).map((f) => f.id));
    expect(atMe).toEqual(expect.arrayContaining(['null-origin-allowed', 'max-age-over-browser-cap']));
  });

  it('says how many more findings the panel holds', async () => {
    const many = [...Array.from({ length: 7 }, (_, i) => nullWithCredentials(`n${i}`, `/me${i}`)), echoWithoutVary('e')];
    const log = entries(many);
    await mount(fakeConnector(log));
    const section = screen.getByTestId('findings');
    expect(within(section).getAllByTestId('finding')).toHaveLength(5);
    expect(screen.getByTestId('findings-more').textContent).toBe('and 3 more findings: see the panel\'s Findings filter, the report or the copied summary.');
  });

  it('renders header values as text: a hostile value never becomes markup', async () => {
    const hostile = '*, <img src=x onerror="alert(1)">';
    const x = exchange().id('h').method('PUT').cookie('sid=1').to(`${API}/x`)
      .preflight((p) => p.acao(PAGE).acac('true').acam('PUT').acah(hostile))
      .response((r) => r.acao(PAGE).acac('true').header('Vary', 'Origin')).build();
    const log = entries([x]);
    expect(findingsOf(log).map((f) => f.id)).toContain('wildcard-lists-with-credentials');
    await mount(fakeConnector(log));
    const section = screen.getByTestId('findings');
    expect(section.querySelector('img')).toBeNull();
    expect(section.textContent).toContain('<img src=x onerror="alert(1)">');
  });

  it('says so when nothing that passed is configured dangerously, and shows nothing for a worker that sends no findings', async () => {
    await mount(fakeConnector(entries([clean('c')])));
    expect(screen.getByTestId('no-findings').textContent).toBe('No finding: nothing that passed is configured dangerously or wastefully.');
    expect(screen.queryByTestId('findings')).toBeNull();
    expect(screen.queryByTestId('cost')).toBeNull();
    cleanup();
    const old = fakeConnector(entries([nullWithCredentials('n')]));
    const load = old.load.bind(old);
    old.load = async (tabId) => {
      const r = await load(tabId);
      const { findings: _f, cost: _c, ...summary } = r.summary;
      return { ...r, summary };
    };
    await mount(old);
    expect(screen.getByRole('list', { name: /Requests by verdict/ })).toBeTruthy();
    expect(screen.queryByTestId('findings')).toBeNull();
    expect(screen.queryByTestId('no-findings')).toBeNull();
  });
});

describe('popup: preflight cost', () => {
  it('gives the headline and what the browser did with Max-Age', async () => {
    const log = entries([0, 1000, 2000, 3000].map((at, i) => put(`p${i}`, at, 20 + i * 10)));
    await mount(fakeConnector(log));
    expect(screen.getByTestId('cost-headline').textContent).toBe('4 preflights, 140 ms waited: a suitable Max-Age would save 3 (120 ms).');
    expect(screen.getByTestId('cost-top').textContent).toBe(`${API}/items/1: no Max-Age sent, so the browser kept it 5 s.`);
  });

  it('names the endpoint that cost most when there are several', async () => {
    const log = entries([put('a', 0, 300, '/slow'), put('b', 1000, 10, '/fast')]);
    await mount(fakeConnector(log));
    expect(screen.getByTestId('cost-headline').textContent).toBe('2 preflights, 310 ms waited: none was a repeat a longer Max-Age would have saved.');
    expect(screen.getByTestId('cost-top').textContent).toBe(`Most waited for: ${API}/slow, 1 preflight, 300 ms; no Max-Age sent, so the browser kept it 5 s.`);
  });
});

describe('popup: findings travel in the report and the summary', () => {
  it('the exported report and the copied summary carry the findings the popup shows', async () => {
    const log = entries([nullWithCredentials('n'), echoWithoutVary('e')]);
    const conn = fakeConnector(log);
    await mount(conn);
    fireEvent.click(screen.getByRole('button', { name: 'Export report' }));
    await waitFor(() => expect(conn.downloads).toHaveLength(1));
    const har = JSON.parse(conn.downloads[0]!.text) as HarReport;
    expect(har.log._corsLens.findings!.items.map((f) => f.id)).toEqual(findingsOf(log).map((f) => f.id));
    expect(conn.downloads[0]!.text).not.toContain('s3cret');
    fireEvent.click(screen.getByRole('button', { name: 'Copy summary' }));
    await waitFor(() => expect(conn.copies).toHaveLength(1));
    expect(conn.copies[0]).toContain('### Passes, but configured dangerously or wastefully');
    expect(conn.copies[0]).toContain('- **High** — ');
  });
});
