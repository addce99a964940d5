import { cpSync, mkdtempSync, readdirSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { parseMarkdownFile } from '../../src/lib/content/frontmatter.ts';

export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');

/** A photo-like test image: noisy and textured, with EXIF, GPS and XMP that must never be published. */
export async function writeTestPhoto(
  file: string,
  seed: number,
  size = { width: 900, height: 1200 },
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
