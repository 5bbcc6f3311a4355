/** Defaults and validation of the user settings (stored in `storage.local`, key `settings`). */
import type { Settings } from './protocol';

export const SETTINGS_KEY = 'settings';

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  paused: false,
  keepLog: false,
  recordSameOrigin: true,
});

const KEYS = Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[];

/** Reads settings from anything stored; unknown or mistyped fields fall back to the defaults. */
export function normalizeSettings(value: unknown): Settings {
  const out: Settings = { ...DEFAULT_SETTINGS };
  if (typeof value !== 'object' || value === null) return out;
  const v = value as Record<string, unknown>;
  for (const k of KEYS) if (typeof v[k] === 'boolean') out[k] = v[k];
  return out;
}

/**
 * Validates a partial update from a page. Returns the fields to apply, or an error message naming
 * the offending field (an unknown field or a non-boolean value is refused, nothing is applied).
 */
export function validateSettingsPatch(patch: unknown): { ok: true; patch: Partial<Settings> } | { ok: false; error: string } {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return { ok: false, error: 'settings must be an object' };
  const out: Partial<Settings> = {};
  for (const [k, v] of Object.entries(patch)) {
    if (!KEYS.includes(k as keyof Settings)) return { ok: false, error: `unknown setting "${k}"` };
    if (typeof v !== 'boolean') return { ok: false, error: `setting "${k}" must be true or false` };
    out[k as keyof Settings] = v;
  }
  return { ok: true, patch: out };
}
