// Background service worker: wiring only.
export {};
