// @vitest-environment happy-dom
/** The shared widgets in French: the same components, re-rendered when the language changes, no remount. */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { CATALOGUES, EN, wordsFor } from '../../../src/core/i18n/catalogues';
import { SEVERITY_ORDER } from '../../../src/core/findings';
import { VERDICT_KINDS } from '../../../src/core/model/verdict';
import { HeaderTable } from '../../../src/ui/HeaderTable';
import { langSetting } from '../../../src/ui/i18n';
import { characters } from '../../../src/ui/long-text';
import { LongText } from '../../../src/ui/LongText';
import { SeverityBadge, severityCount, severityLabel } from '../../../src/ui/SeverityBadge';
import { VerdictChip } from '../../../src/ui/VerdictChip';
import { VERDICT_LABEL, verdictLabel, verdictLabelId } from '../../../src/ui/verdict-labels';

const FR = wordsFor('fr');
const NBSP = '\u00a0';
const toFrench = () => act(() => { langSetting.value = 'fr'; });

afterEach(() => {
  cleanup();
  langSetting.value = 'auto';
});

describe('verdict and severity labels', () => {
  it('exist in both catalogues for every verdict kind and severity', () => {
    for (const k of VERDICT_KINDS) for (const lang of ['en', 'fr'] as const) expect(CATALOGUES[lang][verdictLabelId(k)], `${lang} ${k}`).toBeDefined();
    for (const s of SEVERITY_ORDER) {
      for (const lang of ['en', 'fr'] as const) {
        expect(CATALOGUES[lang][`finding_severity_${s}`], `${lang} ${s}`).toBeDefined();
        expect(CATALOGUES[lang][`ui_severity_count_${s}`], `${lang} ${s} count`).toBeDefined();
      }
    }
  });

  it('keep the English words, and say them in French following the glossary', () => {
    expect(VERDICT_KINDS.map((k) => verdictLabel(k, EN))).toEqual(VERDICT_KINDS.map((k) => ({
      simple: 'Simple', preflighted: 'Preflighted', blocked: 'Blocked', 'same-origin': 'Same-origin', 'no-cors': 'No-cors',
      'network-error': 'Network error', pending: 'Pending', inconclusive: 'Inconclusive',
    })[k]));
    expect(verdictLabel('blocked', FR)).toBe('Bloquée');
    expect(verdictLabel('preflighted', FR)).toBe('Pré-vérifiée');
    expect(verdictLabel('same-origin', FR)).toBe('Même origine');
    expect(verdictLabel('inconclusive', FR)).toBe('Indéterminée');
    expect(SEVERITY_ORDER.map((s) => severityLabel(s, EN))).toEqual(['High', 'Medium', 'Low', 'Info']);
    expect(SEVERITY_ORDER.map((s) => severityLabel(s, FR))).toEqual(['Élevée', 'Moyenne', 'Faible', 'Info']);
    expect(severityCount('high', 2, EN)).toBe('2 high');
    expect(severityCount('high', 2, FR)).toBe(`élevée${NBSP}: 2`);
  });

  it('follow the page language, VERDICT_LABEL included', () => {
    expect(VERDICT_LABEL.blocked).toBe('Blocked');
    langSetting.value = 'fr';
    expect(VERDICT_LABEL.blocked).toBe('Bloquée');
    expect(Object.keys(VERDICT_LABEL)).toEqual([...VERDICT_KINDS]);
  });
});

describe('widgets switch language live', () => {
  it('VerdictChip and SeverityBadge', async () => {
    render(<p data-testid="p"><VerdictChip kind="blocked" count={3} /> <SeverityBadge severity="high" count={1} /></p>);
    const chip = document.querySelector('[data-verdict="blocked"]');
    expect(screen.getByTestId('p').textContent).toBe('✕Blocked3 ▲High1');
    await toFrench();
    expect(document.querySelector('[data-verdict="blocked"]')).toBe(chip);
    expect(screen.getByTestId('p').textContent).toBe('✕Bloquée3 ▲Élevée1');
  });

  it('a long value: size, show all, copy, in French numbers and words', async () => {
    render(<p data-testid="v"><LongText value={'x'.repeat(12_345)} limit={10} name="en-tête Origin" /></p>);
    expect(screen.getByTestId('v').textContent).toBe('xxxxxxxxxx… 12,345 characters: show all / copy');
    await toFrench();
    const text = screen.getByTestId('v').textContent!;
    expect(text.replace(/[\u00a0\u202f]/g, ' ')).toBe('xxxxxxxxxx… 12 345 caractères : tout afficher / copier');
    const show = screen.getByRole('button', { name: /^Afficher en entier/ });
    expect(show.getAttribute('aria-label')!.replace(/[\u00a0\u202f]/g, ' ')).toBe('Afficher en entier : en-tête Origin (12 345 caractères)');
    fireEvent.click(show);
    expect(screen.getByRole('button', { name: /^Réduire/ }).textContent).toBe('masquer');
    expect(document.querySelector('.long-where')!.textContent!.replace(/[\u00a0\u202f]/g, ' ')).toMatch(/^Lignes 1 à \d+ sur \d+ \(12 345 caractères, \d+ par ligne\)$/);
  });

  it('HeaderTable: empty state and the deciding note', async () => {
    render(<div data-testid="h"><HeaderTable headers={[]} caption="x" /></div>);
    expect(screen.getByTestId('h').textContent).toBe('No headers seen.');
    await toFrench();
    expect(screen.getByTestId('h').textContent).toBe('Aucun en-tête vu.');
    cleanup();
    render(<HeaderTable headers={[{ name: 'Vary', value: 'Origin' }]} caption="x" highlight={new Set(['vary'])} />);
    expect(document.querySelector('th')!.textContent).toBe('Vary (a décidé du verdict)');
  });

  it('characters() uses plurals the French way (0 and 1 are singular)', () => {
    expect([0, 1, 2].map(characters)).toEqual(['0 characters', '1 character', '2 characters']);
    langSetting.value = 'fr';
    expect([0, 1, 2].map(characters)).toEqual(['0 caractère', '1 caractère', '2 caractères']);
  });
});
