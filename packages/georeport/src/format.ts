/** The two wire formats, chosen by the resource's file extension (`services.xml`). */
export const FORMATS = ['xml', 'json'] as const;
export type Format = (typeof FORMATS)[number];

export const CONTENT_TYPES: Record<Format, string> = {
  xml: 'text/xml; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

export const isFormat = (s: string): s is Format => s === 'xml' || s === 'json';
