// Turning and cropping photos in the studio: the numbers a form posts are checked and bounded to
// the photo before sharp does the work on the server; the result is re-ingested (no metadata);
// the photos part of the form turns, crops, moves and adds photos; iPhone HEIC photos are
// converted on upload, within the same size and pixel limits.
//
// tests/fixtures/heic/gradient-600x800.heic (1.8 KB) is a generated gradient, no person in it. It
// was made on Debian 12 with libheif's own encoder (apt-get install libheif-examples, libheif
// 1.15.1 with x265): a 600 × 800 PNG whose red rises from left to right and green from top to
// bottom (blue 128), written by sharp from raw pixels (red = 255·x/600, green = 255·y/800), then
// `heif-enc -q 20 -o gradient-600x800.heic gradient.png`. No npm package encodes HEIC (libheif-js
// and heic-decode only decode), so the file is committed.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clampCrop, parsePhotoEdit, parseRotation, rotatedSize } from '../../src/lib/photos/photo-edit.ts';
import { editPhoto, ingestPhoto, PhotoRejectedError } from '../../src/lib/photos/photo-ingest.ts';
import { photoProblem } from '../../src/lib/photos/photo-rules.ts';
import {
  applyPhotoForm,
  photoAction,
  photoEditsFromForm,
  withQuarterTurn,
} from '../../src/lib/studio/photo-actions.ts';
import { thumbnailAlt } from '../../src/lib/studio/thumbnail-alt.ts';

const HEIC = path.join(import.meta.dirname, '../fixtures/heic/gradient-600x800.heic');

describe('turn and crop numbers', () => {
  it('reads turns in quarter turns, any whole multiple of 90 degrees, and nothing else', () => {
    expect(['', '0', '90', '180', '270', '-90', '450', ' 360 '].map(parseRotation)).toEqual([
      0, 0, 90, 180, 270, 270, 90, 0,
    ]);
    for (const bad of ['45', '90.0', 'ninety', '1e3', '999999', '90deg'])
      expect(parseRotation(bad), bad).toBeUndefined();
  });

  it('swaps width and height for a quarter turn', () => {
    expect(rotatedSize({ width: 900, height: 1200 }, 90)).toEqual({ width: 1200, height: 900 });
    expect(rotatedSize({ width: 900, height: 1200 }, 180)).toEqual({ width: 900, height: 1200 });
    expect(rotatedSize({ width: 900, height: 1200 }, 270)).toEqual({ width: 1200, height: 900 });
  });

  it('clamps a crop box inside the photo, in whole pixels, never empty', () => {
    const size = { width: 900, height: 1200 };
    expect(clampCrop({ left: -50, top: -1, width: 5000, height: 5000 }, size)).toEqual({
      left: 0,
      top: 0,
      width: 900,
      height: 1200,
    });
    expect(clampCrop({ left: 800, top: 1100, width: 300, height: 300 }, size)).toEqual({
      left: 800,
      top: 1100,
      width: 100,
      height: 100,
    });
    expect(clampCrop({ left: 5000, top: 5000, width: 0, height: -3 }, size)).toEqual({
      left: 899,
      top: 1199,
      width: 1,
      height: 1,
    });
    expect(clampCrop({ left: 10.4, top: Number.NaN, width: 700.6, height: 800 }, size)).toEqual({
      left: 10,
      top: 0,
      width: 701,
      height: 800,
    });
  });

  it('turns the form into an edit, bounded to the photo as it looks once turned', () => {
    const size = { width: 900, height: 1200 };
    expect(parsePhotoEdit({}, size)).toEqual({});
    expect(parsePhotoEdit({ rotate: '0', left: '', top: '', width: '', height: '' }, size)).toEqual({});
    expect(parsePhotoEdit({ rotate: '90' }, size)).toEqual({ edit: { rotate: 90 } });
    // Once turned the photo is 1200 × 900: a crop of 1000 × 900 from 100 fits.
    expect(
      parsePhotoEdit({ rotate: '90', left: '100', top: '0', width: '1000', height: '900' }, size),
    ).toEqual({ edit: { rotate: 90, crop: { left: 100, top: 0, width: 1000, height: 900 } } });
    // Beyond the edge: shrunk to the photo.
    expect(parsePhotoEdit({ left: '100', top: '200', width: '5000', height: '5000' }, size)).toEqual({
      edit: { rotate: 0, crop: { left: 100, top: 200, width: 800, height: 1000 } },
    });
    // The whole photo is no crop at all.
    expect(parsePhotoEdit({ left: '-10', top: '0', width: '900', height: '99999' }, size)).toEqual({});
  });

  it('refuses what it cannot understand, and crops too small to recognise a child, in plain words', () => {
    const size = { width: 900, height: 1200 };
    expect(parsePhotoEdit({ rotate: '45' }, size).problem).toMatch(/turn could not be understood/);
    expect(parsePhotoEdit({ left: '10' }, size).problem).toMatch(/enter all four crop numbers/);
    expect(parsePhotoEdit({ left: 'ten', top: '0', width: '700', height: '700' }, size).problem).toMatch(
      /whole numbers of pixels/,
    );
    expect(parsePhotoEdit({ left: '0', top: '0', width: '500', height: '900' }, size).problem).toBe(
      'the cropped photo would be 500 × 900 pixels; keep at least 600 pixels on the short side so the child can be recognised',
    );
  });

  it('reads each photo’s edit from the form, and the buttons that turn or move one', () => {
    const edits = photoEditsFromForm([
      ['photos[0].rotate', '90'],
      ['photos[1].crop.left', '5'],
      ['photos[1].crop.width', '600'],
      ['photos[1].alt', 'ignored here'],
      ['photos[../1].rotate', '90'],
    ]);
    expect([...edits.entries()]).toEqual([
      [0, { rotate: '90' }],
      [1, { left: '5', width: '600' }],
    ]);
    expect(photoAction('photo-rotate-left:2')).toEqual({ kind: 'rotate-left', index: 2 });
    expect(photoAction('photo-up:1')).toEqual({ kind: 'up', index: 1 });
    expect(photoAction('photo-up:-1')).toBeUndefined();
    expect(photoAction('save')).toBeUndefined();
    expect(withQuarterTurn(undefined, 'right').rotate).toBe('90');
    expect(withQuarterTurn({ rotate: '0' }, 'left').rotate).toBe('270');
    expect(withQuarterTurn({ rotate: '270', left: '3' }, 'right')).toEqual({ rotate: '0', left: '3' });
  });

  it('gives every thumbnail a text alternative', () => {
    expect(thumbnailAlt('A girl in a red coat', 0)).toBe('A girl in a red coat');
    expect(thumbnailAlt('  ', 1)).toBe('Photo 2 (no description yet)');
  });
});

describe('the server turns and crops the photo itself', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'photo-edit-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  /** A 900 × 1200 JPEG with camera and GPS details, left half red and right half blue. */
  async function cameraPhoto(file: string): Promise<void> {
    const half = (colour: string) =>
      sharp({ create: { width: 450, height: 1200, channels: 3, background: colour } })
        .png()
        .toBuffer();
    await sharp({ create: { width: 900, height: 1200, channels: 3, background: '#000' } })
      .composite([
        { input: await half('#ff0000'), left: 0, top: 0 },
        { input: await half('#0000ff'), left: 450, top: 0 },
      ])
      .withExifMerge({ IFD0: { Make: 'FictionalCam', Artist: 'Someone' }, IFD3: { GPSLatitudeRef: 'N' } })
      .jpeg()
      .toFile(file);
    const meta = await sharp(file).metadata();
    expect(meta.exif).toBeDefined();
  }

  async function colourAt(file: string, left: number, top: number): Promise<number[]> {
    const { data } = await sharp(file)
      .extract({ left, top, width: 1, height: 1 })
      .raw()
      .toBuffer({ resolveWithObject: true });
    return [...data];
  }

  it('a quarter turn swaps width and height; a crop gives the size asked for; no metadata is left', async () => {
    const original = path.join(root, 'in.jpg');
    await cameraPhoto(original);

    const turned = path.join(root, 'turned.jpg');
    await editPhoto(original, { rotate: 90 }, turned);
    const t = await sharp(turned).metadata();
    expect([t.width, t.height, t.format, t.exif, t.xmp, t.icc]).toEqual([
      1200,
      900,
      'jpeg',
      undefined,
      undefined,
      undefined,
    ]);
    // Turned clockwise: the red left half is now on top.
    const [r, , b] = await colourAt(turned, 600, 100);
    expect(r).toBeGreaterThan(200);
    expect(b).toBeLessThan(60);

    const cropped = path.join(root, 'cropped.jpg');
    // 450 px wide is under the 600 px minimum: ingest refuses it even if the check were skipped.
    await expect(
      editPhoto(original, { rotate: 0, crop: { left: 450, top: 100, width: 450, height: 700 } }, cropped),
    ).rejects.toThrow(PhotoRejectedError);

    const kept = path.join(root, 'kept.jpg');
    await editPhoto(original, { rotate: 270, crop: { left: 0, top: 200, width: 1200, height: 650 } }, kept);
    const k = await sharp(kept).metadata();
    expect([k.width, k.height, k.exif]).toEqual([1200, 650, undefined]);
    // Turned anticlockwise, the blue right half is on top: the crop starts 200 px into it.
    const [r2, , b2] = await colourAt(kept, 600, 50);
    expect(b2).toBeGreaterThan(200);
    expect(r2).toBeLessThan(60);
  });

  it('the form turns, crops, moves and adds photos in the draft folder, replacing edited ones under new names', async () => {
    const dir = path.join(root, 'draft');
    mkdirSync(dir);
    await cameraPhoto(path.join(dir, 'photo-1.jpg'));
    await cameraPhoto(path.join(dir, 'photo-2.jpg'));
    let n = 2;
    const nextName = () => `photo-${++n}.jpg`;
    const upload = new File([readFileSync(HEIC)], 'IMG_0001.HEIC', { type: 'image/heic' });
    const result = await applyPhotoForm({
      entries: [
        ['photos[0].src', 'photo-1.jpg'],
        ['photos[0].alt', 'First'],
        ['photos[0].rotate', '0'],
        ['photos[1].src', 'photo-2.jpg'],
        ['photos[1].alt', 'Second'],
        ['photos[1].rotate', '90'],
        ['photos[1].crop.left', '0'],
        ['photos[1].crop.top', '0'],
        ['photos[1].crop.width', '1000'],
        ['photos[1].crop.height', '800'],
      ],
      uploads: [upload, new File([], '')],
      uploadAlts: ['  A gradient  '],
      uploadRotates: ['90'],
      action: 'photo-up:1',
      dir,
      nextName,
    });
    expect(result.problems).toEqual([]);
    expect(result.photoAction).toBe(true);
    expect(result.rows.map((r) => [r.src, r.alt])).toEqual([
      ['photo-3.jpg', 'Second'],
      ['photo-1.jpg', 'First'],
      ['photo-4.jpg', 'A gradient'],
    ]);
    expect(readdirSync(dir).sort()).toEqual(['photo-1.jpg', 'photo-3.jpg', 'photo-4.jpg']);
    const edited = await sharp(path.join(dir, 'photo-3.jpg')).metadata();
    expect([edited.width, edited.height]).toEqual([1000, 800]);
    // The new 600 × 800 photo was turned as its preview was before saving.
    const added = await sharp(path.join(dir, 'photo-4.jpg')).metadata();
    expect([added.format, added.width, added.height, added.exif]).toEqual(['jpeg', 800, 600, undefined]);

    // The no-JavaScript rotate button turns by a quarter; a crop too small is refused, and the photo kept.
    const again = await applyPhotoForm({
      entries: [
        ['photos[0].src', 'photo-3.jpg'],
        ['photos[1].src', 'photo-1.jpg'],
        ['photos[1].crop.left', '0'],
        ['photos[1].crop.top', '0'],
        ['photos[1].crop.width', '100'],
        ['photos[1].crop.height', '100'],
      ],
      uploads: [],
      uploadAlts: [],
      action: 'photo-rotate-left:0',
      dir,
      nextName,
    });
    expect(again.rows.map((r) => r.src)).toEqual(['photo-5.jpg', 'photo-1.jpg']);
    expect(again.problems).toEqual([
      {
        input: 'f-photos-1-crop-left',
        message:
          'Photo 2: the cropped photo would be 100 × 100 pixels; keep at least 600 pixels on the short side so the child can be recognised',
      },
    ]);
    const turned = await sharp(path.join(dir, 'photo-5.jpg')).metadata();
    expect([turned.width, turned.height]).toEqual([800, 1000]);
  });
});

describe('iPhone HEIC photos', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'photo-heic-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('are converted on ingest to the JPEG the site keeps, with the right size and colours', async () => {
    const header = await sharp(HEIC).metadata();
    // The fixture really is what iPhones save: HEIF with HEVC, which sharp alone cannot decode.
    expect([header.format, header.compression]).toEqual(['heif', 'hevc']);
    await expect(sharp(HEIC).raw().toBuffer()).rejects.toThrow();

    const out = path.join(root, 'photo-1.jpg');
    const info = await ingestPhoto(HEIC, out);
    expect([info.width, info.height]).toEqual([600, 800]);
    const meta = await sharp(out).metadata();
    expect([meta.format, meta.width, meta.height, meta.exif, meta.xmp]).toEqual([
      'jpeg',
      600,
      800,
      undefined,
      undefined,
    ]);
    const { data } = await sharp(out).raw().toBuffer({ resolveWithObject: true });
    const at = (x: number, y: number) => [...data.subarray((y * 600 + x) * 3, (y * 600 + x) * 3 + 3)];
    // Red rises left to right, green top to bottom: the gradient survived decoding.
    const [topLeft, bottomRight] = [at(20, 20), at(580, 780)];
    expect(topLeft[0]).toBeLessThan(60);
    expect(topLeft[1]).toBeLessThan(60);
    expect(bottomRight[0]).toBeGreaterThan(200);
    expect(bottomRight[1]).toBeGreaterThan(200);
  });

  it('are held to the pixel limit before decoding (a header claiming 30000 × 30000 is refused)', async () => {
    const bytes = Buffer.from(readFileSync(HEIC));
    const ispe = bytes.indexOf('ispe', 0, 'latin1');
    expect(ispe).toBeGreaterThan(0);
    // The image spatial extents box: four bytes of version and flags, then width and height.
    bytes.writeUInt32BE(30_000, ispe + 8);
    bytes.writeUInt32BE(30_000, ispe + 12);
    const file = path.join(root, 'bomb.heic');
    writeFileSync(file, bytes);
    const out = path.join(root, 'out.jpg');
    await expect(ingestPhoto(file, out)).rejects.toThrow(/at most 50 megapixels, got 30000×30000 px/);
  });

  it('are still refused by `npm run check` in content, with where to convert them', () => {
    expect(
      photoProblem({ bytes: 2000, format: 'heif', compression: 'hevc', width: 600, height: 800 }),
    ).toMatch(
      /got an HEIC photo \(as iPhones save them\); add it in the studio or with `npm run appeal -- new`, which convert it/,
    );
  });
});
