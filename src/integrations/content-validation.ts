import type { AstroIntegration } from 'astro';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { acquireLock } from '../lib/publishing/deploy-lock.ts';
import { orphanedBuild } from '../lib/publishing/site-build.ts';
import { publishConfigProblems } from '../lib/publishing/publish-config.ts';
import { buildDate } from '../lib/model/build-date.ts';
import { contentDirectory } from '../lib/content/content-location.ts';
import { operatorEnv } from '../site/operator-env.ts';
import { formatProblem } from '../lib/content/content-errors.ts';
import { idsByStatus, type ContentReport } from '../lib/content/content-report.ts';
import { validateContent } from '../lib/content/validate-content.ts';

/**
 * Runs the same validation as `npm run check` before Astro reads any content, so a bad file
 * fails the build with every problem listed in plain words, not Astro's first schema error.
 */
export default function contentValidation(): AstroIntegration & {
  activeAppeals: () => number;
  closedIds: () => string[];
  report: () => ContentReport | undefined;
} {
  let active = 0;
  let releaseBuildLock: (() => void) | undefined;
  let closed: string[] = [];
  let last: ContentReport | undefined;
  return {
    /** How many active appeals the last validation found: the search index must hold exactly these. */
    activeAppeals: () => active,
    /** The closed appeals' ids: their URLs answer 410 with the neutral notice. */
    closedIds: () => closed,
    /** The last validation's report (the photo step reads the active appeals' photos from it). */
    report: () => last,
    name: 'appeals:content-validation',
    hooks: {
      'astro:config:setup': async ({ command, logger, config }) => {
        if (command === 'build') {
          // Builds of one checkout share <root>/.astro, so two at once corrupt each other: queue them.
          // A build that dies leaves its pid behind, and the next build takes the lock over.
          const cache = path.join(fileURLToPath(config.root), '.cache');
          mkdirSync(cache, { recursive: true });
          releaseBuildLock = await acquireLock(path.join(cache, 'build.lock'), {
            wait: true,
            onWait: (pid) =>
              logger.info(
                `Waiting for another build of this project (${pid > 0 ? `pid ${pid}` : 'starting'}) to finish...`,
              ),
          });
          // A republish killed while this build waited for the lock: build nothing, leave no copies.
          if (orphanedBuild(operatorEnv.buildParent, process.ppid)) {
            releaseBuildLock();
            throw new Error('The republish that started this build has ended; nothing was built.');
          }
        }
        const contentDir = contentDirectory(operatorEnv);
        // Paths in messages from the project, not the working folder (see buildWorkingFolder).
        const projectRoot = fileURLToPath(config.root);
        const report = await validateContent(contentDir, {
          today: buildDate(operatorEnv),
          displayRoot: projectRoot,
        });
        // An archive inside public/ (or the content) would be built into the site: refuse.
        report.problems.push(...publishConfigProblems(report.settings, operatorEnv, projectRoot, contentDir));
        last = report;
        const ids = idsByStatus(report);
        active = ids.activeIds.length;
        closed = ids.closedIds;
        for (const warning of report.warnings) logger.warn(formatProblem(warning));
        if (report.problems.length === 0) return;
        const lines = report.problems.map(formatProblem);
        const summary = `Content has ${lines.length} problem${lines.length === 1 ? '' : 's'}; nothing was built:\n${lines.join('\n')}`;
        if (command === 'build') {
          releaseBuildLock?.();
          throw new Error(summary);
        }
        logger.error(summary);
      },
      // Listed last in astro.config.mjs, so this runs after every other integration's build step.
      'astro:build:done': () => {
        releaseBuildLock?.();
        releaseBuildLock = undefined;
      },
    },
  };
}
