/** HAR timings from the few instants the capture records (start, headers received, end). */
import type { HarTimings } from '../types';

const ms = (n: number): number => Math.max(0, Math.round(n * 1000) / 1000);

export function harTimings(start: number, headersAt: number | undefined, end: number): { time: number; timings: HarTimings } {
  const stop = Math.max(end, start);
  const headers = headersAt === undefined ? stop : Math.min(Math.max(headersAt, start), stop);
  const wait = ms(headers - start);
  const receive = ms(stop - headers);
  return {
    time: ms(wait + receive),
    timings: { blocked: -1, dns: -1, connect: -1, send: 0, wait, receive, ssl: -1 },
  };
}

/** ISO 8601 with milliseconds and `Z`, as HAR wants; an invalid instant falls back to the epoch. */
export function isoTime(t: number): string {
  const d = new Date(Number.isFinite(t) ? t : 0);
  return Number.isNaN(d.getTime()) ? new Date(0).toISOString() : d.toISOString();
}
