import { closeSync, openSync, readSync, statSync } from 'node:fs';
import sharp from 'sharp';
import { photoFacts, photoProblem } from './photo-rules.ts';

const CUT_SHORT =
  'expected a whole photo, but the file ends too early or is damaged (it was cut short while being copied or uploaded); copy or upload it again';

/** The first bytes of a JPEG, PNG, WebP or AVIF file. */
function looksLikePhoto(head: Buffer): boolean {
  return (
    head.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff])) ||
    head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) ||
    (head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WEBP') ||
    head.toString('latin1', 4, 8) === 'ftyp'
  );
}

/**
 * How much of a photo's end is read to see that it is whole: the end marker is in the last few
 * bytes, but some cameras append data after it, so a photo that seems cut short is read further.
 */
const TAIL_BYTES = [4 * 1024, 64 * 1024];

function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.allocUnsafe(Math.max(0, length));
  const read = readSync(fd, buffer, 0, buffer.length, position);
  return buffer.subarray(0, read);
}

/**
 * Whether a file of this format ends where its own structure says it does: a JPEG's end-of-image
 * marker, a PNG's IEND chunk, a WebP's RIFF size, an AVIF's top-level boxes. A photo cut short in
 * copying or upload still has a readable header, so the header alone cannot tell.
 */
/** Whether the last bytes of the file hold `marker`, reading only as far back as needed. */
function tailHolds(fd: number, size: number, marker: Buffer): boolean {
  return TAIL_BYTES.some((bytes) =>
    readAt(fd, Math.max(0, size - bytes), Math.min(size, bytes)).includes(marker),
  );
}

function isWhole(fd: number, size: number, format: string): boolean {
  switch (format) {
    case 'jpeg':
      // In a JPEG's coded data 0xFF is always followed by 0x00 or a restart marker, so FF D9 is the end.
      return tailHolds(fd, size, Buffer.from([0xff, 0xd9]));
    case 'png':
      return tailHolds(fd, size, Buffer.from('IEND', 'latin1'));
    case 'webp': {
      const header = readAt(fd, 0, 12);
      return header.length === 12 && size >= header.readUInt32LE(4) + 8;
    }
    case 'heif': {
      // AVIF is ISO BMFF: top-level boxes, each with its size, must reach the end of the file.
      let offset = 0;
      while (offset < size) {
        const box = readAt(fd, offset, 16);
        if (box.length < 8) return false;
        let boxSize = box.readUInt32BE(0);
        if (boxSize === 0) return true; // The last box runs to the end of the file.
        if (boxSize === 1) {
          if (box.length < 16) return false;
          boxSize = Number(box.readBigUInt64BE(8));
        }
        if (boxSize < 8) return false;
        offset += boxSize;
      }
      return offset === size;
    }
    default:
      return true;
  }
}

/**
 * Opens a photo's header (sharp reads only the header, on its own threads: nothing is decoded) and
 * its last bytes, and says what is wrong with it for the site, in plain words; undefined when it is
 * fine. The file is held open only after sharp has read it, so thousands can be checked at once.
 */
export async function photoFileProblem(file: string): Promise<string | undefined> {
  const size = (() => {
    try {
      return statSync(file).size;
    } catch {
      return undefined;
    }
  })();
  if (size === undefined) return 'expected a photo that can be read, but it could not be opened';
  if (size === 0) return photoProblem({ bytes: 0 });
  const meta = await sharp(file, { limitInputPixels: false })
    .metadata()
    .catch(() => undefined);
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const facts = photoFacts(meta, size);
    // A photo format's own signature on a file sharp cannot read: damaged, most often cut short.
    if (!meta && looksLikePhoto(readAt(fd, 0, 12))) return CUT_SHORT;
    const problem = photoProblem(facts);
    if (problem) return problem;
    if (!isWhole(fd, size, facts.format!)) return CUT_SHORT;
    return undefined;
  } catch (error) {
    return `expected a photo that can be read, but it could not be opened (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
