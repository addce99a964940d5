import { createHash, randomUUID } from 'node:crypto';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { parseMarkdownFile } from '../../src/lib/content/frontmatter.ts';

export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');

/** The text hidden in every fixture photo's metadata: no published image may contain it. */
export const METADATA_MARKERS = ['SECRET-EXIF-MARKER', 'SECRET-XMP-MARKER', 'SECRET-ICC-MARKER'] as const;

/** An ICC tag of type `mluc` (ICC v4 text) holding `text` in UTF-16BE, padded to 4 bytes. */
function mlucTag(text: string): Buffer {
  const utf16 = Buffer.from(text, 'utf16le').swap16();
  const head = Buffer.alloc(28);
  head.write('mluc', 0, 'latin1');
  head.writeUInt32BE(1, 8); // one record
  head.writeUInt32BE(12, 12); // of 12 bytes
  head.write('enUS', 16, 'latin1');
  head.writeUInt32BE(utf16.length, 20);
  head.writeUInt32BE(28, 24);
  const tag = Buffer.concat([head, utf16]);
  return Buffer.concat([tag, Buffer.alloc((4 - (tag.length % 4)) % 4)]);
}

/**
 * A real ICC profile (sharp's Display P3) whose description is replaced by `text`: the kind of
 * profile a camera or editing app embeds with an owner's name in it.
 */
async function iccProfileNaming(text: string): Promise<Buffer> {
  const probe = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#808080' } })
    .withIccProfile('p3')
    .jpeg()
    .toBuffer();
  const icc = (await sharp(probe).metadata()).icc!;
  const count = icc.readUInt32BE(128);
  const tags = Array.from({ length: count }, (_, i) => {
    const at = 132 + i * 12;
    const sig = icc.toString('latin1', at, at + 4);
    const offset = icc.readUInt32BE(at + 4);
    const size = icc.readUInt32BE(at + 8);
    return { sig, data: sig === 'desc' ? mlucTag(text) : icc.subarray(offset, offset + size) };
  });
  // Header, tag table, then each tag's data on a 4-byte boundary (shared data is simply repeated).
  const header = Buffer.from(icc.subarray(0, 128));
  header.fill(0, 84, 100); // no profile ID: it would no longer match
  const table = Buffer.alloc(4 + count * 12);
  table.writeUInt32BE(count, 0);
  const blocks: Buffer[] = [];
  let offset = 128 + table.length;
  tags.forEach((tag, i) => {
    const padded = Buffer.concat([tag.data, Buffer.alloc((4 - (tag.data.length % 4)) % 4)]);
    table.write(tag.sig, 4 + i * 12, 'latin1');
    table.writeUInt32BE(offset, 8 + i * 12);
    table.writeUInt32BE(tag.data.length, 12 + i * 12);
    blocks.push(padded);
    offset += padded.length;
  });
  header.writeUInt32BE(offset, 0);
  return Buffer.concat([header, table, ...blocks]);
}

let iccFile: Promise<string> | undefined;
/** The marked profile, written once per run to a file (sharp embeds profiles from files). */
function markedIccFile(): Promise<string> {
  iccFile ??= iccProfileNaming(`${METADATA_MARKERS[2]} Test Camera Owner`).then((bytes) => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'appeals-icc-')), 'marked.icc');
    writeFileSync(file, bytes);
    return file;
  });
  return iccFile;
}

/** Photos drawn by `writeTestPhoto`, shared by every test file and run of this checkout. */
const DRAWN_DIR = path.resolve(import.meta.dirname, '../../test-output/drawn-photos');
let drawingKey: string | undefined;

/**
 * A photo-like test image: noisy and textured, with EXIF, GPS, XMP and an ICC profile that name
 * someone (METADATA_MARKERS) and must never be published. Drawn once per seed and size, then copied:
 * drawing takes most of a second, and every workspace of every test file draws the same ones. The
 * drawings are named by this file's text and libvips' version, so a change to either draws anew.
 */
export async function writeTestPhoto(
  file: string,
  seed: number,
  size = { width: 900, height: 1200 },
): Promise<void> {
  drawingKey ??= createHash('sha256')
    .update(readFileSync(import.meta.filename))
    .update(sharp.versions.vips)
    .digest('hex')
    .slice(0, 16);
  const drawn = path.join(DRAWN_DIR, `${drawingKey}-${seed}-${size.width}x${size.height}.jpg`);
  if (!existsSync(drawn)) {
    mkdirSync(DRAWN_DIR, { recursive: true });
    // Written aside and renamed, so a run at the same time never copies half a photo.
    const temp = `${drawn}.${randomUUID()}.tmp`;
    await drawTestPhoto(temp, seed, size);
    renameSync(temp, drawn);
  }
  copyFileSync(drawn, file);
}

async function drawTestPhoto(
  file: string,
  seed: number,
  size: { width: number; height: number },
): Promise<void> {
  const { width, height } = size;
  const hue = (seed * 47) % 360;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="hsl(${hue},40%,70%)"/><stop offset="1" stop-color="hsl(${(hue + 60) % 360},35%,35%)"/></linearGradient>
    <filter id="n"><feTurbulence type="fractalNoise" baseFrequency="0.8" numOctaves="2" seed="${seed}"/><feColorMatrix type="saturate" values="0"/><feBlend in="SourceGraphic" mode="multiply"/></filter></defs>
    <rect width="100%" height="100%" fill="url(#g)" filter="url(#n)"/>
    <ellipse cx="${width / 2}" cy="${height * 0.4}" rx="${width * 0.22}" ry="${height * 0.2}" fill="hsl(30,40%,${55 + (seed % 20)}%)"/>
    <rect x="${width * 0.2}" y="${height * 0.62}" width="${width * 0.6}" height="${height * 0.4}" rx="80" fill="hsl(${hue},50%,30%)"/>
  </svg>`;
  await sharp(Buffer.from(svg))
    .jpeg({ quality: 85 })
    .withExif({
      IFD0: { Copyright: 'SECRET-EXIF-MARKER', Artist: 'Test Camera Owner', Make: 'TestCam' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '51/1 30/1 0/1',
        GPSLongitudeRef: 'W',
        GPSLongitude: '0/1 7/1 0/1',
      },
    })
    .withIccProfile(await markedIccFile())
    .withXmp(
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>SECRET-XMP-MARKER</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>',
    )
    .toFile(file);
}

const plainPhotos = new Map<number, Promise<Buffer>>();

/**
 * A plain 600×800 JPEG, a different colour for each seed: the smallest photo `check` accepts,
 * made in milliseconds, for tests that need real image files but not photo-like ones.
 */
export function plainTestPhoto(seed = 0): Promise<Buffer> {
  let photo = plainPhotos.get(seed);
  if (!photo) {
    const background = { r: (seed * 67) % 256, g: (seed * 131) % 256, b: (seed * 199) % 256 };
    photo = sharp({ create: { width: 600, height: 800, channels: 3, background } })
      .jpeg()
      .toBuffer();
    plainPhotos.set(seed, photo);
  }
  return photo;
}

/** Copies a fixture content folder to a temporary place and draws every photo its appeals name. */
export async function materialiseFixture(
  name: string,
  into = mkdtempSync(path.join(tmpdir(), `appeals-${name}-`)),
): Promise<string> {
  const contentDir = path.join(into, 'content');
  cpSync(path.join(FIXTURES, name), contentDir, { recursive: true });
  const appealsDir = path.join(contentDir, 'appeals');
  let seed = 1;
  for (const id of readdirSync(appealsDir)) {
    const index = path.join(appealsDir, id, 'index.md');
    if (!existsSync(index)) continue;
    const { data } = parseMarkdownFile(readFileSync(index, 'utf8'));
    const photos = Array.isArray(data.photos) ? (data.photos as Array<{ src?: unknown }>) : [];
    for (const photo of photos) {
      if (typeof photo.src === 'string') await writeTestPhoto(path.join(appealsDir, id, photo.src), seed++);
    }
  }
  return contentDir;
}
