// What the appeal CLI's commands share: a mistake in how the command was used, and how it ends the command.

/** A mistake in the command line or its answers: printed without a stack, and the command exits 1. */
export class UsageError extends Error {}

/** Prints `message` to stderr and exits 1. */
export function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
