/**
 * The method a browser uses for the request that follows a redirect (Fetch §4.4 HTTP-redirect fetch,
 * step "request's method is POST and status is 301 or 302, or status is 303 and method is not GET or
 * HEAD": the method becomes GET). Methods are compared case-insensitively, as Fetch normalizes them;
 * any other method is returned as it was given.
 */
export function methodAfterRedirect(status: number, method: string): string {
  const upper = method.toUpperCase();
  if (status === 303 && upper !== 'GET' && upper !== 'HEAD') return 'GET';
  if ((status === 301 || status === 302) && upper === 'POST') return 'GET';
  return method;
}
