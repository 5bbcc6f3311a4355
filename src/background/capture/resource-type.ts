/** Maps the browser's resource type names onto ours (Firefox has a few more). */
import type { ResourceType } from '../../core/model/exchange';

const OURS: ReadonlySet<string> = new Set<ResourceType>([
  'main_frame', 'sub_frame', 'stylesheet', 'script', 'image', 'font', 'object', 'xmlhttprequest', 'ping',
  'csp_report', 'media', 'websocket', 'webtransport', 'webbundle', 'other',
]);

const FIREFOX: Readonly<Record<string, ResourceType>> = {
  beacon: 'ping',
  imageset: 'image',
  object_subrequest: 'object',
  xslt: 'other',
  xml_dtd: 'other',
  web_manifest: 'other',
  speculative: 'other',
  json: 'xmlhttprequest',
};

export function toResourceType(type: string): ResourceType {
  if (OURS.has(type)) return type as ResourceType;
  return FIREFOX[type] ?? 'other';
}

/** Chromium's types when the browser exposes no enum (older builds). */
const FALLBACK_TYPES = [
  'sub_frame', 'stylesheet', 'script', 'image', 'font', 'object', 'xmlhttprequest', 'ping', 'csp_report', 'media',
  'websocket', 'webbundle', 'other',
];

/** Types to listen to: everything the browser knows except top-level navigations. */
export function captureTypes(browserTypes: string[] | null): string[] {
  return (browserTypes ?? FALLBACK_TYPES).filter((t) => t !== 'main_frame');
}
