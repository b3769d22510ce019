// SHA-256 of the cache's pieces through Node's one-shot hash where it has it (20.12 on): a Hash object made for each
// of a folder's 10,000s of pieces costs more than hashing the piece.
import * as crypto from 'node:crypto';

type OneShot = (algorithm: string, data: string | Uint8Array, outputEncoding: 'hex' | 'buffer') => string | Buffer;
const oneShot = (crypto as { hash?: OneShot }).hash;

function digestOf(pieces: Array<string | Uint8Array>, encoding: 'hex' | 'buffer'): string | Buffer {
  if (oneShot) {
    const data =
      pieces.length === 1 ? pieces[0] : Buffer.concat(pieces.map((piece) => (typeof piece === 'string' ? Buffer.from(piece) : piece)));
    return oneShot('sha256', data, encoding);
  }
  const hash = crypto.createHash('sha256');
  for (const piece of pieces) hash.update(piece);
  return encoding === 'hex' ? hash.digest('hex') : hash.digest();
}

/** The SHA-256 of the pieces one after the other (a string as UTF-8), in hex. */
export const sha256 = (...pieces: Array<string | Uint8Array>): string => digestOf(pieces, 'hex') as string;

/** The SHA-256 of the pieces one after the other, as its 32 bytes. */
export const sha256Bytes = (...pieces: Uint8Array[]): Buffer => digestOf(pieces, 'buffer') as Buffer;
