// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { classify } from '../../../../src/core/classify/classify';
import type { Exchange } from '../../../../src/core/model/exchange';
import { TryFix } from '../../../../src/panel/details/TryFix';
import { API, exchange, PAGE } from '../../../support/builder';
import { blockedTrailingSlash, preflightedPut, sameOrigin, XSS } from '../fixtures';
import { langSetting } from '../../../../src/ui/i18n';

afterEach(() => {
  cleanup();
  langSetting.value = 'auto';
});

function mount(x: Exchange) {
  const view = render(<TryFix exchange={x} verdict={classify(x)} />);
  const details = view.container.querySelector('details')!;
  return { view, details };
}

/** Opens the section the way the browser does: `open` set, then a toggle event. */
function openSection(details: HTMLDetailsElement) {
  details.open = true;
  fireEvent(details, new Event('toggle'));
}

const result = () => screen.getByTestId('try-result');
const editor = (name: RegExp) => screen.getByRole('textbox', { name }) as HTMLTextAreaElement;

describe('TryFix', () => {
  it('stays closed, and renders nothing heavy, until opened', () => {
    const { details } = mount(blockedTrailingSlash().exchange);
    expect(within(details).getByText('Try a fix')).toBeDefined();
    expect(details.querySelector('textarea')).toBeNull();
  });

  it('starts from what was received: the same verdict as captured, with the reason and its evidence', async () => {
    const { details } = mount(blockedTrailingSlash().exchange);
    openSection(details);
    const response = await waitFor(() => editor(/^Response/));
    expect(response.value).toContain(`Access-Control-Allow-Origin: ${PAGE}/`);
    expect(response.value).toContain(`X-Evil: ${XSS}`); // header values are text in a textarea, never markup
    expect(details.querySelector('img')).toBeNull();
    expect(result().dataset.verdict).toBe('blocked');
    expect(result().dataset.code).toBe('AllowOriginMismatch');
    expect(result().textContent).toContain('Would fail next:');
    expect(within(result()).getByTestId('try-received').querySelector('mark')!.textContent).toBe('/');
  });

  it('from the generated fix it passes; without Access-Control-Allow-Origin it fails with MissingAllowOriginHeader', async () => {
    const { details } = mount(blockedTrailingSlash().exchange);
    openSection(details);
    fireEvent.click(await screen.findByRole('button', { name: 'Start from the generated fix' }));
    await waitFor(() => expect(result().dataset.verdict).toBe('simple'));
    expect(within(result()).getByRole('status').textContent).toMatch(/Passes/);
    const response = editor(/^Response/);
    expect(response.value).toMatch(new RegExp(`^Access-Control-Allow-Origin: ${PAGE.replace(/\./g, '\\.')}$`, 'm'));
    fireEvent.input(response, { target: { value: response.value.split('\n').filter((l) => !l.startsWith('Access-Control-Allow-Origin')).join('\n') } });
    await waitFor(() => expect(result().dataset.code).toBe('MissingAllowOriginHeader'));
    expect(result().dataset.verdict).toBe('blocked');
    // And back to what was received.
    fireEvent.click(screen.getByRole('button', { name: 'Start from what was received' }));
    await waitFor(() => expect(result().dataset.code).toBe('AllowOriginMismatch'));
  });

  it('says which lines it could not read, and judges the others', async () => {
    const { details } = mount(blockedTrailingSlash().exchange);
    openSection(details);
    const response = await waitFor(() => editor(/^Response/));
    fireEvent.input(response, { target: { value: `Access-Control-Allow-Origin: ${PAGE}\nnot a header` } });
    await waitFor(() => expect(response.getAttribute('aria-invalid')).toBe('true'));
    const problems = document.getElementById(response.getAttribute('aria-describedby')!)!;
    expect(problems.textContent).toBe('Line 2: no colon: write “Name: value” (a header fits on one line). Left out.');
    expect(result().dataset.verdict).toBe('simple');
  });

  it('offers a step per preflight and response, and says when a preflight was not captured', async () => {
    const { details } = mount(preflightedPut().exchange);
    openSection(details);
    await waitFor(() => editor(/^Preflight \(OPTIONS\) response/));
    expect(editor(/^Response/)).toBeDefined();
    expect(result().dataset.verdict).toBe('preflighted');

    cleanup();
    const cached = exchange().method('PUT').to(`${API}/items/9`).response((r) => r.acao(PAGE)).build();
    const again = mount(cached);
    openSection(again.details);
    const pre = await waitFor(() => editor(/^Preflight \(OPTIONS\) response/));
    expect(pre.value).toBe('');
    expect(pre.labels![0]!.textContent).toContain('the capture saw none');
  });

  it('puts a marker, not a megabyte, into the editor, and keeps the value', async () => {
    const big = 'c'.repeat(1024 * 1024);
    const x = exchange().to(`${API}/big`).response((r) => r.acao(`${PAGE}/`).header('Set-Cookie', big)).failed().build();
    const { details } = mount(x);
    openSection(details);
    const response = await waitFor(() => editor(/^Response/));
    expect(response.value.length).toBeLessThan(300);
    expect(response.value).toContain('… [+1,048,496 characters #1]');
    fireEvent.click(screen.getByRole('button', { name: 'Start from the generated fix' }));
    await waitFor(() => expect(result().dataset.verdict).toBe('simple'));
  });

  it('a step that arrives later (the exchange went on while open) starts from what was received', async () => {
    const done = blockedTrailingSlash().exchange;
    const pending: Exchange = { ...done, response: undefined, outcome: { state: 'pending' } };
    const { view, details } = mount(pending);
    openSection(details);
    const before = await waitFor(() => editor(/^Response/));
    expect(before.value).toBe('');
    view.rerender(<TryFix exchange={done} verdict={classify(done)} />);
    await waitFor(() => expect(editor(/^Response/).value).toContain(`Access-Control-Allow-Origin: ${PAGE}/`));
    expect(result().dataset.code).toBe('AllowOriginMismatch');
  });

  it('is not offered where CORS does not apply', () => {
    const { view } = mount(sameOrigin().exchange);
    expect(view.container.querySelector('details')).toBeNull();
  });
});

describe('TryFix in French', () => {
  it('says the outcome, the steps and the line problems in French, and keeps what was typed across a switch', async () => {
    const { details } = mount(blockedTrailingSlash().exchange);
    openSection(details);
    const response = await waitFor(() => editor(/^Response/));
    fireEvent.input(response, { target: { value: `Access-Control-Allow-Origin ${PAGE}` } });
    await waitFor(() => expect(details.querySelector('.tf-problems')).not.toBeNull());
    langSetting.value = 'fr';
    await waitFor(() => expect(within(details).getByText('Essayer un correctif')).toBeDefined());
    expect(editor(/^Réponse/)).toBe(response);
    expect(response.value).toBe(`Access-Control-Allow-Origin ${PAGE}`);
    // The URL's colon makes "Access-Control-Allow-Origin http" the name: not a header name, with spaces.
    expect(details.querySelector('.tf-problems')!.textContent).toBe(
      'Ligne 1\u00a0: «\u00a0Access-Control-Allow-Origin http\u00a0» n’est pas un nom d’en-tête (lettres, chiffres et\u00a0!#$%&\'*+-.^_`|~ seulement, sans espace). ' +
      'Manque-t-il les deux-points après le nom\u00a0? Ignorée.');
    expect(within(result()).getByText('Échoue')).toBeDefined();
    expect(within(details).getByRole('button', { name: 'Partir du correctif généré' })).toBeDefined();
    fireEvent.click(within(details).getByRole('button', { name: 'Partir du correctif généré' }));
    await waitFor(() => expect(result().dataset.verdict).toBe('simple'));
    expect(within(result()).getByText('Passe')).toBeDefined();
    expect(result().textContent).toContain('Jugée');
  });
});
