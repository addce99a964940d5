import { existsSync, statSync } from 'node:fs';
import { appealFileIn } from '../../../src/lib/content/appeal-folder.ts';
import { londonTime } from '../../../src/lib/studio/sign-in.ts';
import type { AppealState } from './appeal-state.ts';

/** Who saved what is saved now, and when: the draft's last saver, else the appeal file's time (by nobody known). */
export function lastSaved(state: AppealState): { email: string; at: string } {
  const draft = state.draft;
  if (draft)
    return {
      email: draft.meta.savedBy ?? draft.meta.editors.at(-1) ?? draft.meta.createdBy,
      at: draft.meta.updatedAt,
    };
  const file = state.content ? appealFileIn(state.content.dir) : '';
  return { email: '', at: file && existsSync(file) ? statSync(file).mtime.toISOString() : '' };
}

/** "10:42": a save's time as the autosave status says it. */
export function savedClock(iso: string): string {
  return londonTime(Date.parse(iso));
}
