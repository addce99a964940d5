import { MIN_SHORT_SIDE } from './photo-rules.ts';

/**
 * Turning and cropping a stored photo, from the numbers a form posts. The browser only suggests
 * numbers; the server checks them here, bounds them to the photo, and does the pixel work itself
 * (see photo-ingest.ts), so nothing a browser sends is ever stored as pixels.
 */
export type Rotation = 0 | 90 | 180 | 270;

/** A rectangle in the photo's own pixels, as it looks after turning. */
export interface CropBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface PhotoEdit {
  /** Clockwise, in quarter turns. */
  rotate: Rotation;
  crop?: CropBox | undefined;
}

/** The form's text for one photo's edit; an empty or missing value means "no change". */
export interface RawPhotoEdit {
  rotate?: string | undefined;
  left?: string | undefined;
  top?: string | undefined;
  width?: string | undefined;
  height?: string | undefined;
}

export interface Size {
  width: number;
  height: number;
}

/** Any whole number of degrees in quarter turns, as 0, 90, 180 or 270; undefined for anything else. */
export function parseRotation(text: string | undefined): Rotation | undefined {
  const trimmed = (text ?? '').trim();
  if (trimmed === '') return 0;
  if (!/^-?\d{1,5}$/.test(trimmed)) return undefined;
  const degrees = Number(trimmed);
  if (degrees % 90 !== 0) return undefined;
  return ((((degrees % 360) + 360) % 360) as Rotation) || 0;
}

/** The photo's size once turned: a quarter turn swaps width and height. */
export function rotatedSize(size: Size, rotate: Rotation): Size {
  return rotate === 90 || rotate === 270 ? { width: size.height, height: size.width } : size;
}

/** The box moved and shrunk to fit inside the photo, in whole pixels, at least 1 × 1. */
export function clampCrop(crop: CropBox, size: Size): CropBox {
  const whole = (n: number) => (Number.isFinite(n) ? Math.round(n) : 0);
  const left = Math.min(Math.max(whole(crop.left), 0), size.width - 1);
  const top = Math.min(Math.max(whole(crop.top), 0), size.height - 1);
  const width = Math.min(Math.max(whole(crop.width), 1), size.width - left);
  const height = Math.min(Math.max(whole(crop.height), 1), size.height - top);
  return { left, top, width, height };
}

const CROP_KEYS = ['left', 'top', 'width', 'height'] as const;

/**
 * The edit a form asks for on a photo of `size` (as stored), checked and bounded; `edit` is
 * undefined when nothing is to change. Problems are in comms staff's words.
 */
export function parsePhotoEdit(
  raw: RawPhotoEdit,
  size: Size,
  minShortSide = MIN_SHORT_SIDE,
): { edit?: PhotoEdit; problem?: string } {
  const rotate = parseRotation(raw.rotate);
  if (rotate === undefined) return { problem: 'the turn could not be understood: use the rotate buttons' };
  const texts = CROP_KEYS.map((key) => (raw[key] ?? '').trim());
  let crop: CropBox | undefined;
  if (texts.some((t) => t !== '')) {
    if (texts.some((t) => t === ''))
      return { problem: 'enter all four crop numbers, or none to keep the whole photo' };
    if (texts.some((t) => !/^-?\d{1,6}$/.test(t)))
      return { problem: 'crop numbers must be whole numbers of pixels, like 120' };
    const [left, top, width, height] = texts.map(Number) as [number, number, number, number];
    const turned = rotatedSize(size, rotate);
    crop = clampCrop({ left, top, width, height }, turned);
    if (crop.width === turned.width && crop.height === turned.height) crop = undefined;
    else if (Math.min(crop.width, crop.height) < minShortSide) {
      return {
        problem: `the cropped photo would be ${crop.width} × ${crop.height} pixels; keep at least ${minShortSide} pixels on the short side so the child can be recognised`,
      };
    }
  }
  if (rotate === 0 && !crop) return {};
  return { edit: { rotate, ...(crop ? { crop } : {}) } };
}
