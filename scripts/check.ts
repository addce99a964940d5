// `npm run check`: validate every appeal and the settings without building. Exit 1 on any problem.
import { runCheck } from './lib/check-cli.ts';

await runCheck();
