/*
 * The lab's frame (`/lab/frame`, served on every lab origin): fetches what its parent asks, with the frame's own
 * origin as the request's Origin, and posts the outcome back. Messages: {token, url, init} in, {token, result} out.
 */
/* global window, document, fetch, Headers, parent */
(() => {
  window.addEventListener('message', (e) => {
    if (e.source !== parent || typeof e.data?.token !== 'string') return;
    const { token, url, init = {} } = e.data;
    const report = (result) => parent.postMessage({ token, result }, '*');
    fetch(url, { ...init, headers: new Headers(init.headers ?? []) })
      .then((r) => r.arrayBuffer().then(() => report({ ok: true, detail: `HTTP ${r.status}` })))
      .catch((err) => report({ ok: false, detail: String(err) }));
  });
  document.body.dataset.ready = 'true';
  parent.postMessage({ frameReady: window.location.origin }, '*');
})();
