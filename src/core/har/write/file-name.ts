/** `cors-report-<host>-<YYYYMMDD-HHMMSS>.har`, in local time, with a host safe in any file system. */
import { hostOf } from '../../http/url';

const pad = (n: number): string => String(n).padStart(2, '0');

export function reportFileName(pageUrl: string | null | undefined, given: Date = new Date()): string {
  const now = given instanceof Date && !Number.isNaN(given.getTime()) ? given : new Date();
  const host = (typeof pageUrl === 'string' && pageUrl ? hostOf(pageUrl) : null) || 'tab';
  const safe = host.replace(/[^a-zA-Z0-9.-]+/g, '_').replace(/^[._-]+|[._-]+$/g, '') || 'tab';
  const stamp = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  return `cors-report-${safe}-${stamp}.har`;
}
