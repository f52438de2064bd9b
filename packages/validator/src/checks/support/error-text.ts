/** The first description of an error answer, as the client reads it (tolerant of non-standard bodies). */
import { readErrors, type Exchange } from '@o311/client';
import type { Format } from '@o311/georeport';

export function errorDescription(exchange: Exchange, format: Format): string | null {
  try {
    const first = readErrors(exchange.response.body, format, exchange.response.status).value[0];
    return first === undefined ? null : first.description.slice(0, 160);
  } catch {
    return null;
  }
}
