/** Defaults and validation of the user settings (stored in `storage.local`, key `settings`). */
import type { CaptureMode, Settings } from './protocol';

export const SETTINGS_KEY = 'settings';

export const DEFAULT_SETTINGS: Readonly<Required<Settings>> = Object.freeze({
  paused: false,
  keepLog: false,
  keepAcrossRestarts: false,
  recordSameOrigin: true,
  capture: 'everywhere',
});

type FlagKey = 'paused' | 'keepLog' | 'keepAcrossRestarts' | 'recordSameOrigin';
const FLAGS: readonly FlagKey[] = ['paused', 'keepLog', 'keepAcrossRestarts', 'recordSameOrigin'];
/** Every capture mode, in the order the popup and the panel offer them. */
export const CAPTURE_MODES: readonly CaptureMode[] = ['everywhere', 'chosen'];

const isCaptureMode = (v: unknown): v is CaptureMode => CAPTURE_MODES.includes(v as CaptureMode);

/** Reads settings from anything stored; unknown or mistyped fields fall back to the defaults. */
export function normalizeSettings(value: unknown): Required<Settings> {
  const out: Required<Settings> = { ...DEFAULT_SETTINGS };
  if (typeof value !== 'object' || value === null) return out;
  const v = value as Record<string, unknown>;
  for (const k of FLAGS) if (typeof v[k] === 'boolean') out[k] = v[k];
  if (isCaptureMode(v.capture)) out.capture = v.capture;
  return out;
}

/**
 * Validates a partial update from a page. Returns the fields to apply, or an error message naming
 * the offending field (an unknown field or a mistyped value is refused, nothing is applied).
 */
export function validateSettingsPatch(patch: unknown): { ok: true; patch: Partial<Settings> } | { ok: false; error: string } {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return { ok: false, error: 'settings must be an object' };
  const out: Partial<Settings> = {};
  for (const [k, v] of Object.entries(patch)) {
    if (k === 'capture') {
      if (!isCaptureMode(v)) return { ok: false, error: `setting "capture" must be one of ${CAPTURE_MODES.join(', ')}` };
      out.capture = v;
      continue;
    }
    if (!FLAGS.includes(k as FlagKey)) return { ok: false, error: `unknown setting "${k}"` };
    if (typeof v !== 'boolean') return { ok: false, error: `setting "${k}" must be true or false` };
    out[k as FlagKey] = v;
  }
  return { ok: true, patch: out };
}
