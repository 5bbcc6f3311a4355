// Turns the Chromium manifest (manifest.json at the repository root) into the Firefox one.
// Firefox MV3 has no background service worker: the same entry runs as an event page
// (background.scripts, ES module). Everything else is shared.

/** Add-on id: stable forever (Firefox keys storage and updates on it). */
export const GECKO_ID = 'cors-lens@cors-lens.dev';

/**
 * Lowest Firefox we support: 140 (ESR) is the first with `data_collection_permissions`, and above
 * everything else we rely on (MV3 event pages with `background.type: "module"` since 112,
 * `storage.session` since 115).
 */
export const GECKO_MIN_VERSION = '140.0';

/** Firefox for Android added `data_collection_permissions` in 142. */
export const GECKO_ANDROID_MIN_VERSION = '142.0';

export function toFirefoxManifest(manifest) {
  const { minimum_chrome_version: _chromeOnly, background, ...rest } = manifest;
  const entry = background?.service_worker ?? background?.scripts?.[0];
  if (!entry) throw new Error('manifest.json has no background entry to turn into a Firefox event page');
  return {
    ...rest,
    background: { scripts: [entry], type: 'module' },
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: GECKO_MIN_VERSION,
        // Read-only, no network requests of its own, no telemetry: nothing leaves the browser.
        data_collection_permissions: { required: ['none'] },
      },
      // Firefox for Android has no DevTools panels; the key only states the version that understands
      // data_collection_permissions (142 on Android), so the linter has nothing to warn about.
      gecko_android: { strict_min_version: GECKO_ANDROID_MIN_VERSION },
    },
  };
}
