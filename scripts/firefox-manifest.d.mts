// Types for firefox-manifest.mjs (imported by the manifest convention tests).
export declare const GECKO_ID: string;
export declare const GECKO_MIN_VERSION: string;
export declare const GECKO_ANDROID_MIN_VERSION: string;
export declare function toFirefoxManifest(manifest: Record<string, unknown>): Record<string, unknown>;
