import { describe, expect, it } from 'vitest';
import { fixesFor, fixMarkdown } from '../../../../src/core/fix/index';
import { mdFence, mdText } from '../../../../src/core/report/markdown';
import { exchangeOf, verdictOf, type Case } from './build';
import { EN, wordsFor } from '../../../../src/core/i18n/catalogues';
import { m } from '../../../../src/core/i18n/msg';

const blocked: Case = { kind: 'blocked', code: 'PreflightMissingAllowOriginHeader', step: { kind: 'preflight', index: 0 }, method: 'PUT', headers: ['x-trace'], credentials: true };

describe('fixMarkdown', () => {
  it('lists each step with its headers in a fenced block, then notes, then the chosen snippet', () => {
    const md = fixMarkdown(fixesFor(exchangeOf(blocked), verdictOf(blocked)), EN, 'nginx');
    expect(md).toContain('### How to fix');
    expect(md).toContain('**Preflight (OPTIONS) response** for https://api.example/api/items/42');
    expect(md).toContain('```http\nAccess-Control-Allow-Origin: https://app.example\nAccess-Control-Allow-Credentials: true\nAccess-Control-Allow-Methods: PUT\n');
    expect(md).toContain('**Actual response**');
    expect(md).toContain('- **Warning:** Never answer');
    expect(md).toContain('**nginx**\n\n```nginx\n# CORS for https://app.example');
    expect(md.indexOf('Preflight (OPTIONS)')).toBeLessThan(md.indexOf('Actual response'));
  });

  it('without a stack, no snippet', () => {
    const md = fixMarkdown(fixesFor(exchangeOf(blocked), verdictOf(blocked)), EN);
    expect(md).not.toContain('```nginx');
  });

  it('a hostile origin cannot close the fence or inject HTML', () => {
    const origin = 'https://evil.example```\n<img src=x onerror=alert(1)>\n```';
    const c: Case = { ...blocked, origin };
    const md = fixMarkdown(fixesFor(exchangeOf(c), verdictOf(c)), EN, 'express');
    // outside fenced blocks (closed only by a fence of the same length) nothing raw remains
    const outside = md.replace(/^(`{3,})\w*\n[\s\S]*?\n\1$/gm, '');
    expect(outside).not.toMatch(/(^|[^\\])<img/);
    expect(outside).not.toMatch(/(^|[^\\])```/);
    // inside, the value stays verbatim (a copy-paste gives what the browser saw)
    expect(md).toContain('````http\nAccess-Control-Allow-Origin: https://evil.example``` <img src=x onerror=alert(1)> ```');
  });
});

describe('fixMarkdown in French', () => {
  it('translates the prose; the header blocks and the snippet stay byte for byte the English ones', () => {
    const fix = fixesFor(exchangeOf(blocked), verdictOf(blocked));
    const en = fixMarkdown(fix, EN, 'nginx');
    const fr = fixMarkdown(fix, wordsFor('fr'), 'nginx');
    expect(fr).toContain('### Comment corriger');
    expect(fr).toContain('Correctif côté serveur\u00a0: envoyez les en-têtes de réponse ci-dessous à chaque étape.');
    expect(fr).toContain('**Réponse de pré-vérification (OPTIONS)** pour https://api.example/api/items/42');
    expect(fr).toContain('Code d’état\u00a0: n’importe quel 2xx');
    expect(fr).toContain('- **Attention\u00a0:** ');
    expect(fr).not.toContain('⟦');
    const fences = (md: string): string[] => md.match(/^(`{3,})\w*\n[\s\S]*?\n\1$/gm) ?? [];
    expect(fences(fr)).toEqual(fences(en));
    expect(fences(en).length).toBeGreaterThanOrEqual(3);
  });

  it('a fix stored by an older version (sentences as plain strings) is still rendered', () => {
    const old = { summary: 'Fix on the server.', steps: [{ step: 'response', url: 'https://a.example/', status: 'any 2xx', headers: [{ name: 'Vary', value: 'Origin', why: 'cache' }] }], notes: [{ level: 'warning', text: 'Old *note*' }], snippets: [] };
    const md = fixMarkdown(old as never, wordsFor('fr'));
    expect(md).toContain('Fix on the server.');
    expect(md).toContain('Code d’état\u00a0: any 2xx');
    expect(md).toContain('- **Attention\u00a0:** Old \\*note\\*');
  });

  it('escapes the rendered words, values included', () => {
    const fix = { summary: m('fix_origin_malformed', { origin: '<img src=x>' }), steps: [], notes: [], snippets: [] };
    expect(fixMarkdown(fix as never, EN)).toContain('\\<img src=x\\>');
  });
});

describe('mdText / mdFence', () => {
  it.each([
    ['a *b* _c_ `d` <e> [f](g) &amp; ~~h~~', 'a \\*b\\* \\_c\\_ \\`d\\` \\<e\\> \\[f\\](g) \\&amp; \\~\\~h\\~\\~'],
    ['# title', '\\# title'],
    ['- item', '\\- item'],
    ['1. first', '1\\. first'],
    ['line\nbreak', 'line break'],
  ])('%j → %j', (input, expected) => {
    expect(mdText(input)).toBe(expected);
  });

  it('uses a fence longer than any backtick run', () => {
    expect(mdFence('a ```` b', 'js')).toBe('`````js\na ```` b\n`````');
    expect(mdFence('plain')).toBe('```\nplain\n```');
  });
});
