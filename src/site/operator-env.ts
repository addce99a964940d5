import { readOperatorEnv } from '../lib/config/operator-env.ts';

/** The operator's configuration for this build (src/lib/config/operator-env.ts), read once. */
export const operatorEnv = readOperatorEnv();
