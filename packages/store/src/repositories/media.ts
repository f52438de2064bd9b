/** Uploaded files of requests (written by createRequest, read back by id unless hidden by moderation). */
import type { StoredMedia } from '../contract.js';
import type { Db } from './shared.js';

export async function getMedia(db: Db, id: string): Promise<StoredMedia | undefined> {
  const row = await db
    .selectFrom('request_media')
    .select(['id', 'request_id', 'content_type', 'filename', 'bytes'])
    .where('id', '=', id)
    // Hidden by moderation: gone from every public answer (moderation.ts).
    .where('hidden_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    request_id: String(row.request_id),
    content_type: row.content_type,
    filename: row.filename,
    bytes: Buffer.isBuffer(row.bytes) ? row.bytes : Buffer.from(row.bytes),
  };
}
