import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GECKO_ID, toFirefoxManifest } from '../../../scripts/firefox-manifest.mjs';
import { readManifest, referencedFiles, ROOT, type Manifest } from './scan';

describe('manifest.json in the source tree', () => {
  const manifest = readManifest();
  const files = referencedFiles(manifest);

  it('references the popup, devtools page, background entry and icons', () => {
    expect(files).toEqual(expect.arrayContaining([manifest.background?.service_worker, 'src/devtools/index.html']));
    expect(files.some((f) => f.startsWith('icons/'))).toBe(true);
  });

  it.each(files)('%s exists (at the root or in public/)', (file) => {
    expect(existsSync(join(ROOT, file)) || existsSync(join(ROOT, 'public', file))).toBe(true);
  });

  it('names the extension through the catalogues (default_locale en, __MSG_…__ in both languages)', () => {
    const action = manifest.action as Record<string, unknown>;
    expect(manifest.default_locale).toBe('en');
    expect([manifest.name, manifest.description, action.default_title]).toEqual(['__MSG_extName__', '__MSG_extDescription__', '__MSG_extActionTitle__']);
    for (const lang of ['en', 'fr']) {
      const cat = JSON.parse(readFileSync(join(ROOT, 'public', '_locales', lang, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
      for (const id of msgIds(manifest)) expect(cat[id]?.message, `${lang} ${id}`).toBeTruthy();
      expect(cat.extName?.message).toBe('CORS Lens');
    }
  });
});

/** Ids of the `__MSG_id__` strings anywhere in a manifest. */
function msgIds(manifest: Manifest): string[] {
  return [...JSON.stringify(manifest).matchAll(/__MSG_(\w+?)__/g)].map((x) => x[1] ?? '');
}

describe('Firefox manifest variant', () => {
  const chrome = readManifest();
  const firefox = toFirefoxManifest(chrome) as Manifest & Record<string, unknown>;

  it('runs the same background entry as an ES-module event page', () => {
    expect(firefox.background).toEqual({ scripts: [chrome.background?.service_worker], type: 'module' });
  });

  it('has a valid gecko id and minimum version, and declares no data collection', () => {
    const gecko = (firefox.browser_specific_settings as { gecko: Record<string, unknown> }).gecko;
    expect(gecko.id).toBe(GECKO_ID);
    expect(GECKO_ID).toMatch(/^[a-zA-Z0-9-._]*@[a-zA-Z0-9-._]+$/);
    expect(Number(String(gecko.strict_min_version).split('.')[0])).toBeGreaterThanOrEqual(115); // storage.session, background.type
    expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
  });

  it('drops Chromium-only keys and keeps everything else', () => {
    expect(firefox).not.toHaveProperty('minimum_chrome_version');
    for (const key of ['name', 'version', 'permissions', 'host_permissions', 'devtools_page', 'action', 'icons']) {
      expect(firefox[key]).toEqual((chrome as Record<string, unknown>)[key]);
    }
  });

  it('refuses a manifest without a background entry', () => {
    expect(() => toFirefoxManifest({ manifest_version: 3 })).toThrow(/background/);
  });
});

describe('built extensions reference only files they contain', () => {
  let out = '';
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'cors-lens-manifest-'));
    const node = process.execPath;
    execFileSync(node, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', join(out, 'chromium'), '--emptyOutDir', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'pipe' });
    execFileSync(node, ['scripts/build-firefox.mjs', '--out-dir', join(out, 'firefox'), '--quiet'], { cwd: ROOT, stdio: 'pipe' });
  }, 180_000);
  afterAll(() => {
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it.each(['chromium', 'firefox'])('%s build', (variant) => {
    const dir = join(out, variant);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
    const files = referencedFiles(manifest);
    expect(files.length).toBeGreaterThan(4);
    const missing = files.filter((f) => !existsSync(join(dir, f)));
    expect(missing).toEqual([]);
    // the catalogues travel with the build (public/ is copied), or the browser refuses __MSG_…__ names
    for (const lang of ['en', 'fr']) {
      const cat = JSON.parse(readFileSync(join(dir, '_locales', lang, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
      expect(msgIds(manifest).filter((id) => !cat[id]?.message), lang).toEqual([]);
    }
    if (variant === 'firefox') {
      expect(manifest.background?.service_worker).toBeUndefined();
      expect(manifest.background?.type).toBe('module');
      // the loader imports the real background bundle: it must exist too
      const loader = readFileSync(join(dir, manifest.background?.scripts?.[0] ?? ''), 'utf8');
      const target = /import ['"]\.\/([^'"]+)['"]/.exec(loader)?.[1];
      expect(target && existsSync(join(dir, target))).toBe(true);
    } else {
      expect(manifest.background?.service_worker).toBeTruthy();
    }
  });
});
