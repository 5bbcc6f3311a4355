/** Mapping between webRequest resource types (our model) and Chrome DevTools' HAR `_resourceType` names. */
import type { ResourceType } from '../model/exchange';

const TO_CHROME: Record<ResourceType, string> = {
  main_frame: 'document',
  sub_frame: 'document',
  stylesheet: 'stylesheet',
  script: 'script',
  image: 'image',
  font: 'font',
  object: 'other',
  xmlhttprequest: 'fetch',
  ping: 'ping',
  csp_report: 'csp-violation-report',
  media: 'media',
  websocket: 'websocket',
  webtransport: 'webtransport',
  webbundle: 'other',
  other: 'other',
};

const FROM_CHROME: Record<string, ResourceType> = {
  document: 'main_frame',
  stylesheet: 'stylesheet',
  script: 'script',
  image: 'image',
  font: 'font',
  media: 'media',
  xhr: 'xmlhttprequest',
  fetch: 'xmlhttprequest',
  eventsource: 'xmlhttprequest',
  ping: 'ping',
  'csp-violation-report': 'csp_report',
  websocket: 'websocket',
  webtransport: 'webtransport',
};

/** `Sec-Fetch-Dest` values, for HAR files without `_resourceType` (Playwright, Firefox). */
const FROM_DEST: Record<string, ResourceType> = {
  empty: 'xmlhttprequest',
  document: 'main_frame',
  iframe: 'sub_frame',
  frame: 'sub_frame',
  script: 'script',
  worker: 'script',
  sharedworker: 'script',
  serviceworker: 'script',
  style: 'stylesheet',
  image: 'image',
  font: 'font',
  audio: 'media',
  video: 'media',
  track: 'media',
  object: 'object',
  embed: 'object',
  report: 'csp_report',
};

/** Own entries only: a type named `constructor` or `__proto__` must not find Object's properties. */
const lookup = <T>(table: Record<string, T>, key: string): T | undefined => (Object.hasOwn(table, key) ? table[key] : undefined);

export const toChromeResourceType = (type: ResourceType): string => lookup(TO_CHROME, type) ?? 'other';

export function fromHarResourceType(resourceType: string | undefined, secFetchDest: string | undefined): ResourceType {
  const fromChrome = resourceType ? lookup(FROM_CHROME, resourceType.toLowerCase()) : undefined;
  if (fromChrome) return fromChrome;
  const fromDest = secFetchDest ? lookup(FROM_DEST, secFetchDest.trim().toLowerCase()) : undefined;
  return fromDest ?? 'other';
}

const OUR_TYPES = new Set<string>(Object.keys(TO_CHROME));
export const isResourceType = (value: unknown): value is ResourceType => typeof value === 'string' && OUR_TYPES.has(value);
