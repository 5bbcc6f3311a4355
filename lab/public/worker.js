/* The lab's dedicated worker: fetches what the page asks ({ id, url, init }) and reports { id, result }. */
/* global self, fetch, Headers */
self.onmessage = (event) => {
  const { id, url, init } = event.data;
  const report = (result) => self.postMessage({ id, result });
  fetch(url, { ...init, headers: new Headers(init.headers ?? []) })
    .then((response) => response.arrayBuffer().then(() => report({ ok: true, detail: `HTTP ${response.status}` })))
    .catch((error) => report({ ok: false, detail: String(error) }));
};
