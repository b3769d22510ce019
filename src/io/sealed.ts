// How a cache entry is sealed: its format first, a SHA-256 of everything before it last — with the cache's key, an
// HMAC, which only a holder of the key can make. Small, and loaded alone where a run answers from the cache early.
import { createHash, createHmac } from 'node:crypto';
import type { ReadAt } from './cache-store.js';

/** Bumped whenever what is stored changes shape. */
export const FORMAT = 4;
export const FORMAT_BYTES = 4;
export const CHECKSUM_BYTES = 32;

/** A checksum of bytes: SHA-256, or with the cache's key, its HMAC (which only a holder of the key can make). */
const checksummer = (key?: Buffer) => (key ? createHmac('sha256', key) : createHash('sha256'));

/** An entry's pieces between its format and its checksum, which covers both (made with `key`, where given). */
export function* seal(pieces: Iterable<string | Uint8Array>, key?: Buffer): Generator<Uint8Array> {
  const hash = checksummer(key);
  const format = Buffer.alloc(FORMAT_BYTES);
  format.writeUInt32LE(FORMAT);
  hash.update(format);
  yield format;
  for (const piece of pieces) {
    const bytes = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
    hash.update(bytes);
    yield bytes;
  }
  yield hash.digest();
}

/** An entry is checked this many bytes at a time, in one buffer: a copy of a large entry would cost its every page. */
const CHECK_CHUNK_BYTES = 1 << 20;

/** An entry's checksum, if it is of this format and its checksum (made with `key`, where given) holds. */
export function sealChecksum(readAt: ReadAt, size: number, key?: Buffer): string | undefined {
  if (size < FORMAT_BYTES + CHECKSUM_BYTES) return undefined;
  const end = size - CHECKSUM_BYTES;
  const hash = checksummer(key);
  const chunk = Buffer.allocUnsafe(Math.min(CHECK_CHUNK_BYTES, end));
  for (let at = 0; at < end; at += chunk.length) {
    const bytes = readAt(at, Math.min(chunk.length, end - at), chunk);
    if (!bytes || (at === 0 && bytes.readUInt32LE(0) !== FORMAT)) return undefined;
    hash.update(bytes);
  }
  const checksum = readAt(end, CHECKSUM_BYTES)?.toString('hex');
  return checksum !== undefined && hash.digest('hex') === checksum ? checksum : undefined;
}

/** What an entry read whole holds, if it is of this format and its checksum (made with `key`, where given) holds. */
export function unseal(entry: Buffer | undefined, key?: Buffer): { bytes: Buffer; checksum: string } | undefined {
  if (!entry) return undefined;
  const readAt: ReadAt = (offset, length) => (offset + length <= entry.length ? entry.subarray(offset, offset + length) : undefined);
  const checksum = sealChecksum(readAt, entry.length, key);
  return checksum === undefined ? undefined : { bytes: entry.subarray(FORMAT_BYTES, entry.length - CHECKSUM_BYTES), checksum };
}
