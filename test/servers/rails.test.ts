import { describe, expect, it } from 'vitest';
import { ROUTES } from './support/contract';
import { describeStack } from './support/runner';
import { crashSnippet, probe } from './stacks/probe';
import { rackUse, railsAdapter, startRack } from './stacks/rails';

describeStack(railsAdapter);

/**
 * What the Rails snippet's note says about a plain Rack app (no Rails, so no ShowExceptions turning an
 * exception into a response inside the app), checked on puma over plain HTTP: the same block under
 * `use Rack::Cors` leaves puma's own 500 without CORS headers; a rescuing middleware after it, as the note
 * says, gives a 500 with them.
 */
describe('rails: the plain Rack form its note describes, on puma', () => {
  const PAGE = 'http://localhost:4001';
  const APP = `run lambda { |env| raise "unhandled exception in the app" }`;
  const RESCUE = [
    'class RescueErrors',
    '  def initialize(app)',
    '    @app = app',
    '  end',
    '',
    '  def call(env)',
    '    @app.call(env)',
    '  rescue StandardError',
    '    [500, {}, ["Internal Server Error"]]',
    '  end',
    'end',
  ].join('\n');

  function served(configRu: string) {
    const missing = railsAdapter.missing();
    if (missing !== null) throw new Error(`${missing} is not installed`);
    return probe((port, workDir) => startRack(port, workDir, configRu), ROUTES.crash, PAGE);
  }

  it('the block alone: the exception passes through Rack::Cors and puma answers 500 without the headers', async () => {
    const use = rackUse(crashSnippet('rails', 500, PAGE));
    expect(await served(['require "rack/cors"', use, APP].join('\n\n'))).toEqual({ status: 500, allowOrigin: null });
  });

  it('with a middleware that rescues, after `use Rack::Cors`: the 500 carries the headers', async () => {
    const use = rackUse(crashSnippet('rails', 500, PAGE));
    expect(await served(['require "rack/cors"', RESCUE, use, 'use RescueErrors', APP].join('\n\n'))).toEqual({ status: 500, allowOrigin: PAGE });
  });
});
