import { markdownToHtml } from 'satteri';
import type { ActiveAppealData } from '../model/appeal-schema.ts';
import { circumstancesProblems } from './circumstances.ts';

/**
 * The Welsh an appeal's author wrote, as the Welsh pages show it. Each is undefined where there
 * is no Welsh, so the page shows the English, marked as English (AppealText).
 */

/** "Place, town, region" in Welsh, when the place is written in Welsh (the town may stay as it is). */
export function welshLastSeen(data: ActiveAppealData<unknown>, regionName: string): string | undefined {
  const welsh = data.welsh?.lastSeen;
  if (welsh?.place === undefined) return undefined;
  return `${welsh.place}, ${welsh.town ?? data.lastSeen.town}, ${regionName}`;
}

/**
 * The Welsh circumstances as HTML, rendered by the parser that checks them, with the checks of
 * the English body. A text the checks refuse is never rendered: `npm run check` stops it first,
 * and this stops a build that skipped the check.
 */
export function welshCircumstancesHtml(data: ActiveAppealData<unknown>): string | undefined {
  const markdown = data.welsh?.circumstances;
  if (markdown === undefined || markdown.trim() === '') return undefined;
  const problems = circumstancesProblems(markdown);
  if (problems.length > 0)
    throw new Error(`The Welsh circumstances cannot be published: ${problems.join('; ')}`);
  return markdownToHtml(markdown, { features: { gfm: true, frontmatter: false } }).html;
}
