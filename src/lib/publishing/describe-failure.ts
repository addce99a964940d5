import type { LiveRelease, StageError } from './stage-clock.ts';

/**
 * What the live site shows after a failed republish or rollback, in the plain words the command
 * line and the studio both show: a comms officer acts on them (tells the family, the police, the
 * press), so they say exactly what went live before the failure, whatever the stage.
 */
export function describeFailure(error: StageError): string {
  if (error.released)
    return `The new release ${error.released} is live, with every change${
      error.takenDown ? ` (the closure of ${list(error.takenDown)} too)` : ''
    }: only what came after the switch failed.`;
  if (error.stage === 'purge-hook') return 'The new release is live: only what came after the switch failed.';
  if (error.takenDown)
    return `The takedown of ${list(error.takenDown)} is live (release ${error.takenDown.release}): its address answers with the closed notice and its pages and photos are gone from the site. Nothing else was published.`;
  if (error.publishedEarly) {
    const one = error.publishedEarly.ids.length === 1;
    return `The early release of ${list(error.publishedEarly)} is live (release ${error.publishedEarly.release}): ${
      one ? 'its page is' : 'their pages are'
    } on the site and in search, but the listings, feeds and sitemap do not show ${one ? 'it' : 'them'} yet. Nothing else was published.`;
  }
  return 'The live site was not changed.';
}

const list = (live: LiveRelease) => live.ids.join(', ');
