import { describe, expect, it } from 'vitest';
import { display } from '../../../../src/panel/table/filter';
import { rowOfEntry as toRow } from '../../../../src/panel/table/rows';
import { createSorter } from '../../../../src/panel/table/sort';

const sortRows = createSorter();
import { blockedAtPreflight, blockedTrailingSlash, preflightedPut, sameOrigin, simple } from '../fixtures';
import { EN } from '../../../../src/core/i18n/catalogues';
import { say } from '../../../../src/panel/text';

const rows = [simple('a', 1), blockedTrailingSlash('b', 2), preflightedPut('c', 3), sameOrigin('d', 4)].map(toRow);
const keys = (kind: Parameters<typeof display>[1], nonCors: boolean, text: string) => display(rows, kind, nonCors, text).map((d) => d.key);

describe('table rows', () => {
  it('hides non-CORS requests by default and shows them on request', () => {
    expect(keys('all', false, '')).toEqual(['a', 'b', 'c', 'c#preflight-0']);
    expect(keys('all', true, '')).toContain('d');
  });

  it('filters by kind: blocked, preflighted (any verdict that needed one), simple', () => {
    expect(keys('blocked', false, '')).toEqual(['b']);
    expect(keys('preflighted', false, '')).toEqual(['c', 'c#preflight-0']);
    expect(keys('simple', false, '')).toEqual(['a']);
  });

  it('text filter searches URL, header names and values, and the reason, case-insensitively, all words', () => {
    expect(keys('all', false, 'X-TRACE')).toEqual(['c', 'c#preflight-0']);
    expect(keys('all', false, 'nginx')).toEqual(['b']);
    expect(keys('all', false, 'allow-origin mismatch')).toEqual(['b']);
    expect(keys('all', false, 'items/a')).toEqual(['a']);
    expect(keys('all', false, 'put nginx')).toEqual([]);
  });

  it('sorts by a column and keeps time order for ties', () => {
    expect(sortRows(rows, { column: 'verdict', dir: 'asc' }).map((r) => r.id)).toEqual(['b', 'c', 'a', 'd']);
    expect(sortRows(rows, { column: 'time', dir: 'desc' }).map((r) => r.id)).toEqual(['d', 'c', 'b', 'a']);
    expect(sortRows(rows, { column: 'method', dir: 'desc' }).map((r) => r.id)).toEqual(['c', 'a', 'b', 'd']);
  });

  it('the status column shows the real status even when the request failed', () => {
    expect(toRow(blockedTrailingSlash()).statusText).toBe('200');
    const failed = blockedTrailingSlash();
    failed.exchange.response = undefined;
    failed.verdict.status = null;
    expect(say(toRow(failed).statusText, EN)).toBe('(failed)');
  });

  it('a request blocked at its preflight was never sent: no status, "not sent" with why (not the preflight\'s 500)', () => {
    const e = blockedAtPreflight();
    expect(e.verdict.status).toBe(500);
    const row = toRow(e);
    expect(row.status).toBeNull();
    expect(say(row.statusText, EN)).toBe('not sent');
    expect(say(row.statusTitle, EN)).toBe('Its preflight (OPTIONS) failed, so the browser never sent this request.');
    expect(toRow(blockedTrailingSlash()).statusTitle).toBeNull();
  });
});
