/** The response headers the CORS checks read (Allow-Origin, -Credentials, -Methods, -Headers, Max-Age, Location). */
import type { Header } from '../model/exchange';
import { trimHttpWhitespace } from './headers';
import { sameName } from './names';

/** What the CORS checks read from a response, each header found in the same single pass. */
export interface CorsResponseHeaders {
  /** Access-Control-Allow-Origin combined (lines trimmed, joined with ", "), or null when absent. */
  acao: string | null;
  /** How many Access-Control-Allow-Origin lines arrived. */
  acaoLines: number;
  acac: string | null;
  acam: string | null;
  acah: string | null;
  /** Access-Control-Max-Age combined. */
  maxAge: string | null;
  /** The first Location line, trimmed. */
  location: string | null;
}

const join = (sofar: string | null, h: Header): string => {
  const value = trimHttpWhitespace(typeof h.value === 'string' ? h.value : '');
  return sofar === null ? value : `${sofar}, ${value}`;
};

/** `joinedHeader`/`headerCount`/`firstHeader` of the CORS response headers, in one pass over the list. */
export function corsResponseHeaders(headers: readonly Header[] | undefined): CorsResponseHeaders {
  const out: CorsResponseHeaders = { acao: null, acaoLines: 0, acac: null, acam: null, acah: null, maxAge: null, location: null };
  if (!Array.isArray(headers)) return out;
  for (let i = 0; i < headers.length; i++) {
    const h = headers[i];
    if (!h || typeof h.name !== 'string') continue;
    switch (h.name.length) {
      case 8:
        if (out.location === null && sameName(h, 'location')) out.location = join(null, h);
        break;
      case 22:
        if (sameName(h, 'access-control-max-age')) out.maxAge = join(out.maxAge, h);
        break;
      case 27:
        if (sameName(h, 'access-control-allow-origin')) {
          out.acao = join(out.acao, h);
          out.acaoLines++;
        }
        break;
      case 28:
        if (sameName(h, 'access-control-allow-methods')) out.acam = join(out.acam, h);
        else if (sameName(h, 'access-control-allow-headers')) out.acah = join(out.acah, h);
        break;
      case 32:
        if (sameName(h, 'access-control-allow-credentials')) out.acac = join(out.acac, h);
        break;
    }
  }
  return out;
}
