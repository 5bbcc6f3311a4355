/**
 * The security and cost lens on a 50,000-entry log (findingsOf and preflightCost): a mix of clean
 * exchanges, every kind of finding, reflection across many sites and repeated preflights, spread over
 * 500 endpoints. CPU time of this process, median of 5 runs after a warm-up. Target: well under a second.
 */
import type { BenchRow } from './index';
import { classify } from '../src/core/classify/classify';
import { findingsOf, preflightCost } from '../src/core/findings';
import type { FindingEntry } from '../src/core/findings';
import type { Exchange } from '../src/core/model/exchange';
import { exchange } from '../test/support/builder';

const API = 'https://api.example.com';
const APP = 'https://app.example.com';

function base(i: number): Exchange[] {
  const site = `https://site${i % 97}.example.org`;
  const at = `${API}/v1/r${i % 500}`;
  return [
    exchange().from(APP).to(`${at}?q=${i}`).response((r) => r.acao(APP).header('Vary', 'Origin')).build(),
    exchange().from(site).cookie('sid=1').to(at).response((r) => r.acao(site).acac('true')).build(),
    exchange().method('PUT').header('X-Trace', 'a').from(APP).to(at).preflight((p) => p.acao(APP).acam('PUT').acah('x-trace'))
      .response((r) => r.acao(APP).header('Vary', 'Origin')).build(),
    exchange().from('null').to(at).response((r) => r.acao('null')).build(),
    exchange().from(APP).to(at).response((r) => r.acao('*').acac('true')).build(),
    exchange().from('https://alice.github.io').cookie('sid=1').to(at).response((r) => r.acao('https://alice.github.io').acac('true').header('Age', '3')).build(),
    exchange().method('DELETE').from(APP).to(at).preflight((p) => p.acao(APP).acam('DELETE').header('Access-Control-Max-Age', '86400'))
      .response((r) => r.acao(APP).header('Vary', 'Origin')).build(),
    exchange().from(APP).to(at).response((r) => r.acao('https://other.example.net').fromCache()).failed().build(),
    exchange().to(`${API}/gone`).failed('net::ERR_CONNECTION_REFUSED').build(),
    exchange().from(APP).to(`${APP}/local.json`).response().build(),
  ];
}

export function log(n: number): FindingEntry[] {
  const out: FindingEntry[] = [];
  for (let i = 0; out.length < n; i++) {
    for (const ex of base(i)) {
      if (out.length >= n) break;
      ex.id = String(out.length);
      for (const p of ex.preflights) {
        p.start += i * 1000;
        p.end = p.start + 15;
      }
      out.push({ exchange: ex, verdict: classify(ex) });
    }
  }
  return out;
}

function cpuMs(fn: () => void): number {
  const c0 = process.cpuUsage();
  fn();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function run(): Promise<BenchRow[]> {
  const entries = log(50_000);
  let found = 0;
  found += findingsOf(entries).length;
  const findingRuns: number[] = [];
  const costRuns: number[] = [];
  for (let i = 0; i < 5; i++) {
    findingRuns.push(cpuMs(() => { found = findingsOf(entries).length; }));
    costRuns.push(cpuMs(() => { preflightCost(entries); }));
  }
  const f = median(findingRuns);
  const c = median(costRuns);
  return [
    { area: 'findings', metric: `findingsOf, 50,000 entries (${found} findings), CPU median of 5`, value: f, unit: 'ms', target: '<= 500', ok: f <= 500 },
    { area: 'findings', metric: 'preflightCost, 50,000 entries, CPU median of 5', value: c, unit: 'ms', target: '<= 250', ok: c <= 250 },
  ];
}
