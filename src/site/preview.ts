import { operatorEnv } from './operator-env.ts';

/** True in the studio's preview builds (src/lib/studio/preview-build.ts): every page says so and is never indexed. */
export const PREVIEW_BUILD = operatorEnv.sitePreview;
