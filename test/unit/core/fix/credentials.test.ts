/** Issue 8 item 1: credentials that cannot be seen are never silently taken as "omit". */
import { describe, expect, it } from 'vitest';
import { classify } from '../../../../src/core/classify/classify';
import { fixesFor } from '../../../../src/core/fix/index';
import type { FixSet } from '../../../../src/core/fix/index';
import { API, exchange, PAGE } from '../../../support/builder';
import { EN } from '../../../../src/core/i18n/catalogues';

/** A credentialed PATCH with a custom header, blocked at its preflight: the request never goes out, so no Cookie shows. */
const blockedAtPreflight = () => exchange().from(PAGE).to(`${API}/api/items/1`).method('PATCH').header('X-CSRF-Token', 't')
  .preflight((p) => p.status(204)).failed().build();
const acac = (f: FixSet, step: 'preflight' | 'response') =>
  f.steps.find((s) => s.step === step)?.headers.find((h) => h.name === 'Access-Control-Allow-Credentials')?.value;

describe('fixesFor: credentials', () => {
  it('blocked at the preflight (mode not visible): the variant that works either way, and a note saying why', () => {
    const x = blockedAtPreflight();
    const v = classify(x);
    expect(v.credentials.mode).toBe('unknown');
    const f = fixesFor(x, v);
    expect(f.spec.credentials).toBe(true);
    expect(f.spec.credentialsBasis).toBe('unknown-either-way');
    expect(f.spec.credentialsCaptured).toBeNull();
    expect(EN.t(f.spec.credentialsEvidence)).toMatch(/never sent the request/);
    expect(acac(f, 'preflight')).toBe('true');
    expect(acac(f, 'response')).toBe('true');
    const pre = f.steps.find((s) => s.step === 'preflight')!;
    expect(pre.headers.find((h) => h.name === 'Access-Control-Allow-Origin')?.value).toBe(PAGE);
    expect(pre.headers.find((h) => h.name === 'Access-Control-Allow-Methods')?.value).toBe('PATCH');
    expect(pre.headers.find((h) => h.name === 'Access-Control-Allow-Headers')?.value).toBe('x-csrf-token');
    const note = f.notes.find((n) => EN.t(n.text).includes('works either way'));
    expect(EN.t(note!.text)).toMatch(/is not known \(the browser stopped at the preflight/);
    for (const s of f.snippets.filter((s) => s.stack !== 's3')) expect(s.code, s.stack).toMatch(/credentials/i);
  });

  it('the user\'s answer decides: No drops Allow-Credentials, Yes keeps it; both say the basis is the user', () => {
    const x = blockedAtPreflight();
    const v = classify(x);
    const no = fixesFor(x, v, { credentials: false });
    expect(no.spec.credentials).toBe(false);
    expect(no.spec.credentialsBasis).toBe('user');
    expect(acac(no, 'preflight')).toBeUndefined();
    expect(no.notes.some((n) => EN.t(n.text).includes('works either way'))).toBe(false);
    const yes = fixesFor(x, v, { credentials: true });
    expect(yes.spec.credentialsBasis).toBe('user');
    expect(acac(yes, 'response')).toBe('true');
    const unsure = fixesFor(x, v, { credentials: 'unsure' });
    expect(unsure.spec.credentialsBasis).toBe('unknown-either-way');
    expect(acac(unsure, 'response')).toBe('true');
  });

  it('a Cookie seen: credentials certain; answering No against it gives a warning', () => {
    const x = exchange().from(PAGE).to(`${API}/api/me`).cookie('sid=1').response((r) => r.status(200).acao(PAGE)).failed().build();
    const v = classify(x);
    const f = fixesFor(x, v);
    expect(f.spec.credentialsBasis).toBe('seen-cookie');
    expect(f.spec.credentialsCaptured).toBe(true);
    expect(EN.t(f.spec.credentialsEvidence)).toMatch(/Cookie header was sent/);
    const no = fixesFor(x, v, { credentials: false });
    expect(no.spec.credentials).toBe(false);
    const warning = no.notes.find((n) => n.level === 'warning' && EN.t(n.text).startsWith('You said this request sends no cookies'));
    expect(EN.t(warning!.text)).toContain('a Cookie header was sent');
  });

  it('proved absent (the browser accepted "*"): no Allow-Credentials, basis seen-no-credentials', () => {
    const x = exchange().from(PAGE).to(`${API}/api/public`).response((r) => r.status(200).acao('*')).build();
    const v = classify(x);
    const f = fixesFor(x, v);
    expect(v.credentials.mode).toBe('omit');
    expect(f.spec.credentials).toBe(false);
    expect(f.spec.credentialsBasis).toBe('seen-no-credentials');
    expect(acac(f, 'response')).toBeUndefined();
    expect(fixesFor(x, v, { credentials: true }).notes.some((n) => EN.t(n.text).startsWith('You said this request sends cookies'))).toBe(true);
  });

  it('inferred from the outcome: credentials, basis inferred', () => {
    const x = exchange().from(PAGE).to(`${API}/api/items/1`).method('PATCH').header('X-CSRF-Token', 't')
      .preflight((p) => p.status(204).acao(PAGE).acam('PATCH').acah('x-csrf-token')).failed().build();
    const f = fixesFor(x, classify(x));
    expect(f.spec.credentialsBasis).toBe('inferred');
    expect(acac(f, 'preflight')).toBe('true');
  });

  it('a HAR import without cookies (Playwright, DevTools) is not taken as "omit" either', () => {
    const x = exchange().observer('har').from(PAGE).to(`${API}/api/items/1`).method('PATCH').header('X-CSRF-Token', 't')
      .preflight((p) => p.status(500)).failed().build();
    const f = fixesFor(x, classify(x));
    expect(f.spec.credentialsBasis).toBe('unknown-either-way');
    expect(acac(f, 'preflight')).toBe('true');
  });
});
