import path from 'node:path';
import { operatorEnv } from './operator-env.ts';

/** The build cache folder, as astro.config.mjs sets it: photos and share cards are kept here between builds. */
export function buildCacheDir(): string {
  return path.resolve(operatorEnv.astroCacheDir ?? '.cache/astro');
}
