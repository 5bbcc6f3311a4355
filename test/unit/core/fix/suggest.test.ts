import { describe, expect, it } from 'vitest';
import { suggestedStack, type StackId } from '../../../../src/core/fix/index';
import type { Header } from '../../../../src/core/model/exchange';
import { exchangeOf } from './build';

const withHeaders = (headers: Header[]) => exchangeOf({ responseHeaders: headers });

describe('suggestedStack', () => {
  it.each<[Header[], StackId | null]>([
    [[{ name: 'X-Powered-By', value: 'Express' }], 'express'],
    [[{ name: 'Server', value: 'nginx/1.27.3' }, { name: 'X-Powered-By', value: 'Express' }], 'express'],
    [[{ name: 'Server', value: 'nginx/1.27.3' }], 'nginx'],
    [[{ name: 'server', value: 'openresty' }], 'nginx'],
    [[{ name: 'Server', value: 'Apache/2.4.62 (Debian)' }], 'apache'],
    [[{ name: 'Server', value: 'Caddy' }], 'caddy'],
    [[{ name: 'Server', value: 'Kestrel' }], 'aspnet-core'],
    [[{ name: 'X-Powered-By', value: 'ASP.NET' }, { name: 'Server', value: 'Microsoft-IIS/10.0' }], 'aspnet-core'],
    [[{ name: 'Server', value: 'uvicorn' }], 'fastapi'],
    [[{ name: 'Server', value: 'gunicorn' }], 'django'],
    [[{ name: 'Server', value: 'WSGIServer/0.2 CPython/3.12.3' }], 'django'],
    [[{ name: 'Server', value: 'Puma' }], 'rails'],
    [[{ name: 'X-Powered-By', value: 'Phusion Passenger 6' }], 'rails'],
    [[{ name: 'Server', value: 'cloudflare' }], 'cloudflare-worker'],
    [[{ name: 'Server', value: 'AmazonS3' }], 's3'],
    [[{ name: 'Server', value: 'Apache-Coyote/1.1' }], 'spring'],
    [[{ name: 'X-Powered-By', value: 'Servlet/4.0 Tomcat' }], 'spring'],
    [[{ name: 'Server', value: 'Go-http-server' }], 'go'],
    [[{ name: 'Server', value: 'gws' }], null],
    [[{ name: 'X-Powered-By', value: 'PHP/8.3' }], null],
    [[], null],
  ])('%j → %s', (headers, expected) => {
    expect(suggestedStack(withHeaders(headers))).toBe(expected);
  });

  it('looks at the preflight response when the final response is missing', () => {
    const ex = exchangeOf({ method: 'PUT', responseHeaders: [{ name: 'Server', value: 'Caddy' }] });
    delete ex.response;
    expect(suggestedStack(ex)).toBe('caddy');
  });
});
