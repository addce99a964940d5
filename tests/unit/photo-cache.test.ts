// The photo step's cache (src/lib/photos/photo-cache.ts) with the real sharp: content-addressed
// names, encoding only what is missing, sources.json sparing unchanged photos a read, upright
// sizes, no metadata in any variant, and pruning.
import { readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { tempDirs } from '../helpers/temp-dirs.ts';
import { photoCacheDir, prunePhotoCache } from '../../src/lib/photos/photo-cache.ts';
import { encodePhotoVariants, readPhotoSources } from '../../src/lib/photos/photo-encode.ts';
import {
  sourceOfVariant,
  variantFileName,
  variantsOfPhoto,
  variantSize,
} from '../../src/lib/photos/photo-variants.ts';
import { METADATA_MARKERS, writeTestPhoto } from '../helpers/fixture-content.ts';

const temp = tempDirs('photo-cache');

describe('variant names', () => {
  it('are two hashes and an extension: nothing from the file name or the child', () => {
    const main = variantsOfPhoto(0);
    const names = main.map((v) => variantFileName('0123456789abcdef', v));
    expect(new Set(names).size).toBe(main.length);
    for (const name of names) {
      expect(name).toMatch(/^0123456789abcdef-[0-9a-f]{8}\.(webp|jpg)$/);
      expect(sourceOfVariant(name)).toBe('0123456789abcdef');
    }
    // The main photo: WebP at 360 and 720 with a 720 JPEG, and the card's at 112 and 224 with a 224 JPEG.
    expect(main.map((v) => `${v.format} ${v.width}`).sort()).toEqual(
      ['jpeg 224', 'jpeg 720', 'webp 112', 'webp 224', 'webp 360', 'webp 720'].sort(),
    );
    expect(variantsOfPhoto(1).map((v) => `${v.format} ${v.width}`)).toEqual([
      'webp 240',
      'webp 480',
      'jpeg 480',
    ]);
    expect(sourceOfVariant('photo-1.DLirL_tK_1Pl2QD.webp')).toBeUndefined();
  });

  it('never enlarge a photo and keep its shape', () => {
    expect(variantSize({ width: 900, height: 1200 }, 720)).toEqual({ width: 720, height: 960 });
    expect(variantSize({ width: 600, height: 800 }, 720)).toEqual({ width: 600, height: 800 });
    expect(variantSize({ width: 900, height: 1200 }, 224)).toEqual({ width: 224, height: 299 });
  });
});

describe('the photo cache', () => {
  it('encodes only what is missing, strips all metadata, and reads a photo again only when it changed', async () => {
    const root = temp();
    const cache = path.join(root, 'cache');
    const photo = path.join(root, 'photo-1.jpg');
    await writeTestPhoto(photo, 7);
    // A whole-second time, so it can be put back exactly below.
    const mtime = new Date('2026-05-01T12:00:00Z');
    utimesSync(photo, mtime, mtime);
    const sources = await readPhotoSources(cache, [photo], { forget: true });
    const source = sources.get(photo)!;
    expect(source).toMatchObject({ file: photo, width: 900, height: 1200 });
    expect(source.hash).toMatch(/^[0-9a-f]{16}$/);

    const variants = variantsOfPhoto(0);
    expect(await encodePhotoVariants(cache, [{ source, variants }])).toBe(variants.length);
    const dir = photoCacheDir(cache);
    const names = variants.map((v) => variantFileName(source.hash, v));
    for (const [i, name] of names.entries()) {
      const file = path.join(dir, name);
      const meta = await sharp(file).metadata();
      expect(meta.format).toBe(variants[i]!.format);
      expect(meta.width).toBe(variants[i]!.width);
      expect([meta.exif, meta.xmp, meta.icc, meta.iptc], name).toEqual([
        undefined,
        undefined,
        undefined,
        undefined,
      ]);
      const bytes = readFileSync(file);
      for (const marker of METADATA_MARKERS) {
        expect(bytes.includes(Buffer.from(marker, 'latin1')), `${name}: ${marker}`).toBe(false);
        expect(bytes.includes(Buffer.from(marker, 'utf16le').swap16()), `${name}: ${marker}`).toBe(false);
      }
    }
    const inodes = names.map((n) => statSync(path.join(dir, n)).ino);

    // Nothing changed: nothing is encoded and no file is replaced.
    expect(await encodePhotoVariants(cache, [{ source, variants }])).toBe(0);
    expect(names.map((n) => statSync(path.join(dir, n)).ino)).toEqual(inodes);

    // sources.json answers for an unchanged file (same size and time) without reading it: a byte
    // changed in place, with the old modification time put back, still reads as the old hash.
    const tampered = readFileSync(photo);
    const at = tampered.length - 100;
    tampered.writeUInt8(tampered.readUInt8(at) ^ 0xff, at);
    writeFileSync(photo, tampered);
    utimesSync(photo, mtime, mtime);
    expect((await readPhotoSources(cache, [photo])).get(photo)!.hash).toBe(source.hash);

    // A changed photo (new size or time) is read again, gets a new hash and new variants.
    await writeTestPhoto(photo, 8);
    const changed = (await readPhotoSources(cache, [photo], { forget: true })).get(photo)!;
    expect(changed.hash).not.toBe(source.hash);
    expect(await encodePhotoVariants(cache, [{ source: changed, variants }])).toBe(variants.length);

    // Pruning to the changed photo drops the old one's variants, and sources.json keeps only it.
    expect(prunePhotoCache(cache, new Set([changed.hash]))).toBe(variants.length);
    expect(readdirSync(dir).sort()).toEqual(
      [...variants.map((v) => variantFileName(changed.hash, v)), 'sources.json'].sort(),
    );
  });

  it('turns a photo upright from its EXIF orientation, and reports its upright size', async () => {
    const root = temp();
    const cache = path.join(root, 'cache');
    const photo = path.join(root, 'sideways.jpg');
    // Stored 1200 wide and 900 high, to be shown turned a quarter: 900 wide, 1200 high.
    await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#336699' } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toFile(photo);
    const source = (await readPhotoSources(cache, [photo])).get(photo)!;
    expect([source.width, source.height]).toEqual([900, 1200]);
    const [main] = variantsOfPhoto(0).filter((v) => v.width === 720 && v.format === 'webp');
    await encodePhotoVariants(cache, [{ source, variants: [main!] }]);
    const meta = await sharp(path.join(photoCacheDir(cache), variantFileName(source.hash, main!))).metadata();
    expect([meta.width, meta.height, meta.orientation]).toEqual([720, 960, undefined]);
  });
});
