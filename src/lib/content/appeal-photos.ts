import path from 'node:path';
import { z } from 'zod';
import { photoFileProblem } from '../photos/photo-header.ts';
import type { ContentReport } from './content-report.ts';
import { isPhotoFileName, namePartsIn } from './photo-file.ts';
import { lstatOrUndefined, notRegularFile } from './regular-file.ts';

/** A photo whose header `check` opens once the folders are read: the file, and where it is named. */
export interface PhotoCheck {
  file: string;
  field: string;
  photoPath: string;
}

/** The photo `src` as `check` sees it: a plain file name beside index.md. */
export const photoFileName = z
  .string({ error: 'expected a photo file name beside index.md, like photo-1.jpg' })
  .regex(/^(\.\/)?[^/\\\u0000-\u001f]+$/, {
    error:
      'expected a photo file name beside index.md, like photo-1.jpg, with no folders or control characters',
  })
  .refine(isPhotoFileName, { error: 'expected a .jpg, .jpeg, .png, .webp or .avif file' });

/** A photo check under way: sharp reads headers on its own threads while the other folders are read. */
export type PendingPhoto = PhotoCheck & { problem: Promise<string | undefined> };

export function startPhotoChecks(checks: readonly PhotoCheck[]): PendingPhoto[] {
  return checks.map((check) => ({ ...check, problem: photoFileProblem(check.photoPath) }));
}

/** Waits for the photo checks and reports what is wrong, with file and field, in their order. */
export async function reportPhotoProblems(
  pending: readonly PendingPhoto[],
  report: ContentReport,
): Promise<void> {
  const messages = await Promise.all(pending.map((p) => p.problem));
  pending.forEach(({ file, field }, i) => {
    const message = messages[i];
    if (message) report.problems.push({ file, field, message });
  });
}

/**
 * Each photo must be a regular file beside index.md, with a file name free of the child's names;
 * returns the photos whose headers are still to be read.
 */
export function photoFileProblems(
  file: string,
  dir: string,
  data: Record<string, unknown>,
  report: ContentReport,
): PhotoCheck[] {
  if (!Array.isArray(data.photos)) return [];
  const names = [data.name, ...(Array.isArray(data.knownAs) ? (data.knownAs as unknown[]) : [])].filter(
    (n): n is string => typeof n === 'string',
  );
  const checks: PhotoCheck[] = [];
  data.photos.forEach((photo: unknown, i) => {
    const src = (photo as { src?: unknown } | null)?.src;
    if (typeof src !== 'string' || !photoFileName.safeParse(src).success) return;
    const field = `photos[${i}].src`;
    const fileName = src.replace(/^\.\//, '');
    const photoPath = path.join(dir, fileName);
    const leaked = namePartsIn(fileName, names);
    if (leaked.length > 0) {
      report.problems.push({
        file,
        field,
        message: `expected a neutral file name like photo-${i + 1}.jpg, got "${fileName}", which contains part of the child's name (${leaked.join(', ')}); use \`npm run appeal -- new\` to ingest photos`,
      });
    }
    // lstat, never stat: a link is refused without being followed, so its target is never named or read.
    const stats = lstatOrUndefined(photoPath);
    if (!stats) {
      report.problems.push({
        file,
        field,
        message: `expected a photo file in ${path.relative(process.cwd(), dir) || dir}, but "${fileName}" does not exist`,
      });
      return;
    }
    const notRegular = notRegularFile(stats);
    if (notRegular) {
      report.problems.push({ file, field, message: `${notRegular} ("${fileName}")` });
      return;
    }
    checks.push({ file, field, photoPath });
  });
  return checks;
}

/** The photo file names an appeal's data gives, as they sit in its folder. */
export function photoNamesIn(data: Record<string, unknown>): Set<string> {
  const photos = Array.isArray(data.photos) ? (data.photos as unknown[]) : [];
  return new Set(
    photos.flatMap((p) => {
      const src = (p as { src?: unknown } | null)?.src;
      return typeof src === 'string' ? [src.replace(/^\.\//, '')] : [];
    }),
  );
}
