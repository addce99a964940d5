import { OperatorEnvError, type OperatorEnv, readOperatorEnv } from '../../src/lib/config/operator-env.ts';

/**
 * The operator's configuration for a command (src/lib/config/operator-env.ts). A bad value ends
 * the command at once, naming the variable, before it changes anything.
 */
export function operatorEnvOrExit(): OperatorEnv {
  try {
    return readOperatorEnv();
  } catch (error) {
    if (!(error instanceof OperatorEnvError)) throw error;
    console.error(`${error.message}\nNothing was changed.`);
    process.exit(1);
  }
}
