/** The command line's pure parts: argument parsing, counting verdicts in the core's order, the exit status. */
import { describe, expect, it } from 'vitest';
import { VERDICT_KINDS } from '../../../src/core/cli-api';
import { parseArgs } from '../../../src/cli/args';
import { EXIT_BLOCKED, EXIT_OK, countKinds, exitStatus } from '../../../src/cli/verdicts';

describe('parseArgs', () => {
  it('takes the first non-option as the file and --json / -h / --help anywhere', () => {
    expect(parseArgs(['a.har'])).toEqual({ json: false, help: false, file: 'a.har', unknown: [] });
    expect(parseArgs(['--json', 'a.har'])).toEqual({ json: true, help: false, file: 'a.har', unknown: [] });
    expect(parseArgs(['a.har', '-h'])).toMatchObject({ help: true, file: 'a.har' });
    expect(parseArgs(['--help'])).toEqual({ json: false, help: true, file: null, unknown: [] });
  });

  it('collects unknown options and extra files, in order; a lone - is a file name', () => {
    expect(parseArgs(['--yaml', 'a.har', 'b.har', '-x'])).toEqual({ json: false, help: false, file: 'a.har', unknown: ['--yaml', 'b.har', '-x'] });
    expect(parseArgs(['-'])).toMatchObject({ file: '-', unknown: [] });
    expect(parseArgs([])).toEqual({ json: false, help: false, file: null, unknown: [] });
  });
});

describe('countKinds and exitStatus', () => {
  it('counts every kind, zeros included, in the core\'s order', () => {
    const counts = countKinds(['simple', 'blocked', 'simple', 'pending']);
    expect(Object.keys(counts)).toEqual([...VERDICT_KINDS]);
    expect(counts).toMatchObject({ blocked: 1, simple: 2, pending: 1, preflighted: 0 });
  });

  it('exits 1 exactly when a request was blocked by CORS', () => {
    expect(exitStatus(countKinds(['blocked']))).toBe(EXIT_BLOCKED);
    expect(exitStatus(countKinds(['network-error', 'inconclusive', 'simple', 'preflighted', 'no-cors', 'same-origin', 'pending']))).toBe(EXIT_OK);
    expect(exitStatus(countKinds([]))).toBe(EXIT_OK);
  });
});
