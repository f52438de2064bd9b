/**
 * The photos of a message: image attachments checked and stripped of their
 * metadata by the server's own check (as uploads are), the location read from
 * their EXIF first (the stripped copy no longer has it). Dangerous attachment
 * types (programs, scripts, archives) make the whole message suspect.
 */
import exifr from 'exifr';
import { checkImage } from '@o311/server';
import type { NewMedia } from '@o311/store';
import type { MailAttachment } from './parse-mail.js';

export interface MailPhotos {
  media: NewMedia[];
  /** From the first photo that has a GPS position. */
  location: { lat: number; long: number } | undefined;
  /** Attachments left out: not images, unreadable, too large or over the count. */
  dropped: number;
}

const DANGEROUS = /\.(exe|scr|bat|cmd|com|pif|js|jse|vbs|vbe|wsf|wsh|ps1|msi|jar|hta|lnk|iso|img|zip|rar|7z|gz|tar|docm|xlsm)$/i;
const DANGEROUS_TYPES = /^application\/(x-msdownload|x-dosexec|x-executable|java-archive|x-msdos-program|zip|x-zip-compressed|x-rar|x-7z-compressed)/;

export const isDangerous = (a: MailAttachment): boolean => DANGEROUS.test(a.filename ?? '') || DANGEROUS_TYPES.test(a.contentType);

async function gpsOf(bytes: Buffer): Promise<{ lat: number; long: number } | undefined> {
  try {
    const gps = (await exifr.gps(bytes)) as { latitude?: number; longitude?: number } | undefined;
    const lat = gps?.latitude;
    const long = gps?.longitude;
    if (typeof lat !== 'number' || typeof long !== 'number' || !Number.isFinite(lat) || !Number.isFinite(long)) return undefined;
    if (Math.abs(lat) > 90 || Math.abs(long) > 180 || (lat === 0 && long === 0)) return undefined;
    return { lat, long };
  } catch {
    return undefined;
  }
}

export async function mailPhotos(
  attachments: readonly MailAttachment[],
  limits: { maxMediaFiles: number; mediaLimitBytes: number; mediaTotalLimitBytes: number; maxMediaPixels: number },
): Promise<MailPhotos> {
  const media: NewMedia[] = [];
  let location: MailPhotos['location'];
  let total = 0;
  for (const a of attachments) {
    if (media.length >= limits.maxMediaFiles || a.bytes.byteLength > limits.mediaLimitBytes || total + a.bytes.byteLength > limits.mediaTotalLimitBytes) continue;
    const verdict = checkImage(a.bytes, limits.maxMediaPixels);
    if (!verdict.ok) continue;
    location ??= await gpsOf(a.bytes);
    total += verdict.bytes.byteLength;
    media.push({ content_type: verdict.content_type, filename: a.filename?.slice(0, 200) ?? null, bytes: verdict.bytes });
  }
  return { media, location, dropped: attachments.length - media.length };
}
