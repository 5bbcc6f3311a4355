/* global fetch */
// The Worker in front of the origin, with no CORS handling: it passes every request on unchanged. The panel's
// Worker snippet is a whole Worker of the same kind, so with it the adapter runs the snippet as the script.
export default {
  async fetch(request) {
    return fetch(request);
  },
};
