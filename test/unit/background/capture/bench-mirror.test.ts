/**
 * The page-load bench's mirror (bench/fixtures/minimal-extension) registers exactly the listeners
 * CORS Lens registers in Chromium, with the same extraInfoSpec and filter: otherwise "CORS Lens / mirror"
 * would compare with something else. Its idle extension (bench/fixtures/idle-extension) holds CORS Lens's
 * permissions and registers nothing, or "capture only chosen tabs, none on / idle" would not be that floor.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCapture } from '../../../../src/background/capture/listeners';
import { FakeWebRequest } from '../../../support/fake-web-request';

const fixture = (path: string) => readFileSync(new URL(`../../../../${path}`, import.meta.url), 'utf8');
const worker = fixture('bench/fixtures/minimal-extension/worker.js');

function mirrorSpec(): Record<string, string[]> {
  const m = /\/\* spec: \*\/([\s\S]*?)\/\* :spec \*\//.exec(worker);
  if (!m) throw new Error('the mirror lost its spec markers');
  return JSON.parse(m[1]!) as Record<string, string[]>;
}

describe('bench mirror', () => {
  it('has the events and extraInfoSpec of listeners.ts (Chromium)', () => {
    const wr = new FakeWebRequest({ browser: 'chromium', extraHeaders: true });
    createCapture(wr, () => undefined).start();
    const ours = Object.fromEntries(Object.entries(wr.events).filter(([, e]) => e.listeners.length > 0).map(([name, e]) => [name, e.listeners[0]!.spec]));
    expect(mirrorSpec()).toEqual(ours);
  });

  it('uses the same URL filter and drops main_frame', () => {
    const wr = new FakeWebRequest({ browser: 'chromium' });
    createCapture(wr, () => undefined).start();
    const urls = wr.events.onSendHeaders.listeners[0]!.filter.urls;
    expect(worker).toContain(`const filter = { urls: ${JSON.stringify(urls).replaceAll('"', "'").replaceAll(',', ', ')}, types };`);
    expect(worker).toContain(".filter((t) => t !== 'main_frame')");
  });

  it('has an idle extension with the permissions of manifest.json and no listener', () => {
    const ours = JSON.parse(fixture('manifest.json')) as Record<string, unknown>;
    const idle = JSON.parse(fixture('bench/fixtures/idle-extension/manifest.json')) as Record<string, unknown>;
    expect(idle.permissions).toEqual(ours.permissions);
    expect(idle.host_permissions).toEqual(ours.host_permissions);
    expect(idle.optional_permissions).toEqual(ours.optional_permissions);
    const code = fixture('bench/fixtures/idle-extension/worker.js').replace(/^\/\/.*$/gm, '').trim();
    expect(code).toBe('');
  });
});
