// @vitest-environment happy-dom
/** The fix section's credentials question: pre-set from the capture, with its basis; an answer regenerates steps and snippets. */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { classify } from '../../../../src/core/classify/classify';
import type { Exchange } from '../../../../src/core/model/exchange';
import { FixSection } from '../../../../src/panel/details/FixSection';
import { API, exchange, PAGE } from '../../../support/builder';

afterEach(cleanup);
beforeEach(() => localStorage.setItem('cors-lens.stack', 'express'));

const mount = (x: Exchange) => render(<FixSection exchange={x} verdict={classify(x)} />);
const radio = (name: string) => screen.getByRole('radio', { name }) as HTMLInputElement;
const code = () => screen.getByTestId('fix-code').textContent ?? '';
const basis = () => screen.getByTestId('fix-credentials-basis').textContent ?? '';
const credentialRows = () => screen.queryAllByRole('rowheader', { name: 'Access-Control-Allow-Credentials' });

/** A credentialed PATCH blocked at its preflight: no Cookie can show. */
const blockedAtPreflight = () => exchange().id('f1').from(PAGE).to(`${API}/api/items/1`).method('PATCH').header('X-CSRF-Token', 't')
  .preflight((p) => p.status(204)).failed().build();

describe('FixSection: does this request send cookies or HTTP authentication?', () => {
  it('not known: "Not sure" pre-set, the basis in words, and the fix works either way', () => {
    mount(blockedAtPreflight());
    const group = screen.getByRole('group', { name: 'Does this request send cookies or HTTP authentication?' });
    expect(within(group).getAllByRole('radio').map((r) => (r as HTMLInputElement).checked)).toEqual([false, false, true]);
    expect(basis()).toMatch(/^Not known from the capture: the browser stopped at the preflight and never sent the request, so no Cookie header could be seen\. The fix below works either way\./);
    expect(code()).toContain('credentials: true');
    expect(credentialRows()).toHaveLength(2); // preflight and response
  });

  it('answering No regenerates steps and snippets without credentials; Yes brings them back', () => {
    mount(blockedAtPreflight());
    fireEvent.click(radio('No'));
    expect(radio('No').checked).toBe(true);
    expect(code()).not.toContain('credentials: true');
    expect(credentialRows()).toHaveLength(0);
    expect(basis()).toMatch(/^Your answer\. The capture: the browser stopped at the preflight/);
    expect(screen.getByTestId('fix-notes').textContent).not.toContain('works either way');
    fireEvent.click(radio('Yes'));
    expect(code()).toContain('credentials: true');
    expect(credentialRows()).toHaveLength(2);
  });

  it('a Cookie seen: "Yes" pre-set from it; answering No warns against the capture', () => {
    mount(exchange().id('c1').from(PAGE).to(`${API}/api/me`).cookie('sid=1').response((r) => r.status(200).acao(PAGE)).failed().build());
    expect(radio('Yes').checked).toBe(true);
    expect(basis()).toMatch(/^Pre-set from the capture: a Cookie header was sent with the cross-origin request\./);
    fireEvent.click(radio('No'));
    expect(screen.getByTestId('fix-notes').textContent).toMatch(/You said this request sends no cookies or HTTP authentication, but a Cookie header was sent/);
  });

  it('the answer belongs to its exchange: another exchange starts from its own capture', () => {
    const view = mount(blockedAtPreflight());
    fireEvent.click(radio('No'));
    const other = exchange().id('c2').from(PAGE).to(`${API}/api/me`).cookie('sid=1').response((r) => r.status(200).acao(PAGE)).failed().build();
    view.rerender(<FixSection exchange={other} verdict={classify(other)} />);
    expect(radio('Yes').checked).toBe(true);
  });
});

describe('FixSection: no response', () => {
  it('connection refused: what to check, no question, no steps, no snippet', () => {
    mount(exchange().id('r1').from(PAGE).to(`${API}/api/items`).failed('net::ERR_CONNECTION_REFUSED').build());
    expect(screen.getByRole('heading', { name: 'What to check' })).toBeTruthy();
    expect(screen.getByTestId('fix-summary').textContent).toMatch(/no CORS header can fix this/);
    expect(screen.getByTestId('fix-notes').textContent).toMatch(/the server is not running/);
    expect(screen.queryByTestId('fix-code')).toBeNull();
    expect(screen.queryByTestId('fix-credentials')).toBeNull();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByRole('button', { name: 'Copy the request as a curl command' })).toBeTruthy();
  });
});
