/**
 * The user's settings (pause, keep log, record same-origin) in `storage.local`: read at wake-up,
 * validated and written on change; a change of `paused` is applied before the write.
 */
import type { Settings } from '../shared/protocol';
import { DEFAULT_SETTINGS, normalizeSettings, SETTINGS_KEY, validateSettingsPatch } from '../shared/settings';
import { debug } from '../shared/debug';
import { BadRequest } from './messaging';
import type { StorageAreaLike } from './persist/storage-area';

export class SessionSettings {
  private current: Required<Settings> = { ...DEFAULT_SETTINGS };

  constructor(
    private readonly area: StorageAreaLike,
    /** Applies the current `paused` flag (pipeline.ts). */
    private readonly applyPause: (paused: boolean) => void,
    /** Tells the open pages (ports.ts). */
    private readonly announce: (settings: Settings) => void,
  ) {}

  get paused(): boolean { return this.current.paused; }
  get keepLog(): boolean { return this.current.keepLog; }
  get keepAcrossRestarts(): boolean { return this.current.keepAcrossRestarts; }
  get recordSameOrigin(): boolean { return this.current.recordSameOrigin; }

  /** A copy of the current settings. */
  get(): Settings {
    return { ...this.current };
  }

  /** At wake-up: reads the stored settings (defaults when they cannot be read) and applies a pause. */
  async load(): Promise<void> {
    try {
      const stored = await this.area.get([SETTINGS_KEY]);
      this.current = normalizeSettings(stored[SETTINGS_KEY]);
    } catch (err) {
      debug.warn('session', 'could not read settings; using defaults', err);
    }
    if (this.current.paused) this.applyPause(true);
  }

  async set(patch: unknown): Promise<Settings> {
    const checked = validateSettingsPatch(patch);
    if (!checked.ok) throw new BadRequest(checked.error);
    const next = { ...this.current, ...checked.patch };
    const pausedChanged = next.paused !== this.current.paused;
    this.current = next;
    if (pausedChanged) this.applyPause(next.paused);
    await this.area.set({ [SETTINGS_KEY]: next });
    this.announce({ ...next });
    return { ...next };
  }
}
