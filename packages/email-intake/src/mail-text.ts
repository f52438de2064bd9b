/**
 * The words a person wrote in a message: a reply without the quoted mail it
 * answers (lines starting with ">" and everything after an "On … wrote:"
 * line, in our three languages, or an Outlook "-----Original Message-----"),
 * without its signature (signature.ts). And a typed location: "Address: …"
 * (Dirección, Adresse, Location, Ubicación, Lieu, Where) or coordinates.
 */
import { signatureStart } from './signature.js';

const QUOTE_HEADS = [
  /^On .{3,200} wrote:\s*$/i,
  /^El .{3,200} escribió:\s*$/i,
  /^Le .{3,200} a écrit\s?:\s*$/i,
  /^-{2,}\s*(Original Message|Mensaje original|Message d'origine)\s*-{2,}\s*$/i,
  /^From: .+$/,
];

export function ownWords(text: string): string {
  const kept: string[] = [];
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (QUOTE_HEADS.some((h) => h.test(line.trim()))) break;
    if (line.trimStart().startsWith('>')) continue;
    kept.push(line);
  }
  return kept.slice(0, signatureStart(kept)).join('\n').trim();
}

const ADDRESS_LINE = /^\s*(address|location|where|dirección|direccion|ubicación|ubicacion|adresse|lieu)\s*:\s*(.{3,250})$/imu;
const COORDINATES = /(-?\d{1,2}\.\d{3,})\s*[,;]\s*(-?\d{1,3}\.\d{3,})/;

export type TypedLocation = { lat: number; long: number } | { address: string };

export function typedLocation(text: string): TypedLocation | undefined {
  const coordinates = COORDINATES.exec(text);
  if (coordinates) {
    const lat = Number(coordinates[1]);
    const long = Number(coordinates[2]);
    if (Math.abs(lat) <= 90 && Math.abs(long) <= 180) return { lat, long };
  }
  const address = ADDRESS_LINE.exec(text)?.[2]?.trim();
  return address ? { address } : undefined;
}
