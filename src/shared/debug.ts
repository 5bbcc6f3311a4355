/**
 * The one place shipped code may write to the console. Warnings and errors always go out (they mean
 * something went wrong and a user filing a bug should see them); `log` is silent unless debugging was
 * switched on from the worker's DevTools console with `corsLensDebug = true` (a module's exports cannot be
 * reached from there).
 */
const enabled = (): boolean => (globalThis as { corsLensDebug?: unknown }).corsLensDebug === true;

export const debug = {
  log(area: string, ...args: unknown[]): void {
    if (enabled()) console.debug(`[cors-lens:${area}]`, ...args);
  },
  warn(area: string, ...args: unknown[]): void {
    console.warn(`[cors-lens:${area}]`, ...args);
  },
};
