// What a republish says when `astro build` fails (src/lib/publishing/site-build.ts), from the output
// of real failed builds.
import { expect, it } from 'vitest';
import { buildFailureLines } from '../../src/lib/publishing/site-build.ts';

// A photo Astro could not read (here a symbolic link to a text file): no line of this mentions
// "error", so the republish used to say only "The build failed".
const UNREADABLE_PHOTO = `16:40:56 [WARN] [appeals:content-validation] content/appeals/2025-0007/index.md: reviewBy: review was due on 2026-01-01
16:40:57 [build] output: "static"
16:40:58 [vite] \u001b[32m✓ built in 690ms\u001b[39m
16:40:58 [build] Rearranging server assets...

\u001b[42m generating static routes \u001b[49m
No source file recorded for photo undefined
  Location:
    /work/app/node_modules/astro/dist/core/render/route-cache.js:32:17
  Stack trace:
    at photoSourceFile (file:///work/app/out/.prerender/chunks/appeal-images_C7UmgD_P.mjs:260:19)
    at Array.map (<anonymous>)
    at async callGetStaticPaths (file:///work/app/node_modules/astro/dist/core/render/route-cache.js:32:17)
`;

// A photo cut short: Astro's [ERROR] lines, glued to the route list, and a stack trace.
const TRUNCATED_PHOTO = `16:40:21 [build] Rearranging server assets...

 generating static routes 
16:40:21   ├─ /404.html (+145ms) 
16:40:21   ├─ /appeals/2026-0101/share-card.jpg16:40:21 [ERROR] Error: VipsJpeg: premature end of JPEG image
    at Sharp.toBuffer (file:///work/app/node_modules/sharp/dist/output.mjs:159:17)
    at renderShareCard (file:///work/app/out/.prerender/chunks/appeal-images_Q6w-6xHW.mjs:238:11)
16:40:21 [ERROR] [build] Caught error rendering /appeals/2026-0101/share-card.jpg: Error: VipsJpeg: premature end of JPEG image
VipsJpeg: premature end of JPEG image
  Stack trace:
    at Sharp.toBuffer (file:///work/app/node_modules/sharp/dist/output.mjs:159:17)
`;

it('keeps the error report of a failure that never says "error", without its trace', () => {
  expect(buildFailureLines(UNREADABLE_PHOTO)).toEqual(['No source file recorded for photo undefined']);
});

it("keeps Astro's [ERROR] lines and the message, once each, without the route list or stack frames", () => {
  expect(buildFailureLines(TRUNCATED_PHOTO)).toEqual([
    '[ERROR] Error: VipsJpeg: premature end of JPEG image',
    '[ERROR] [build] Caught error rendering /appeals/2026-0101/share-card.jpg: Error: VipsJpeg: premature end of JPEG image',
    'VipsJpeg: premature end of JPEG image',
  ]);
});

it('falls back to the last lines of the output, and cuts long lines so no file is poured out', () => {
  const output = `${Array.from({ length: 20 }, (_, i) => `12:00:0${i % 10} [build] step ${i}`).join('\n')}\n`;
  expect(buildFailureLines(output)).toHaveLength(15);
  expect(buildFailureLines(output).at(-1)).toBe('12:00:09 [build] step 19');
  const long = buildFailureLines(`Unexpected input: ${'x'.repeat(5000)}\n`);
  expect(long).toHaveLength(1);
  expect(long[0]!.length).toBe(300);
});
