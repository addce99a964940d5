import { describe, it } from 'vitest';
import { nginxAvailable, nginxRequired, nginxSkipReason } from '../../scripts/lib/nginx-server.ts';

// Starting nginx lives with the scripts (the benchmarks use it too).
export * from '../../scripts/lib/nginx-server.ts';

/**
 * A `describe` for tests against a real nginx. Without nginx they are skipped with a loud warning,
 * unless REQUIRE_NGINX=1 or REQUIRE_BROWSER=1 (CI), when the suite fails instead.
 */
export function describeNginx(name: string, fn: () => void): void {
  if (nginxAvailable) {
    describe(name, fn);
    return;
  }
  if (nginxRequired) {
    describe(name, () => {
      it('has an nginx to run', () => {
        throw new Error(
          `NGINX TESTS FAILED: nginx is required (REQUIRE_NGINX=1 or REQUIRE_BROWSER=1) but ${nginxSkipReason}.`,
        );
      });
    });
    return;
  }
  console.warn(
    `\n${'!'.repeat(72)}\nNGINX TESTS SKIPPED: ${nginxSkipReason}.\n"${name}" did not run. Set REQUIRE_NGINX=1 to make this a failure.\n${'!'.repeat(72)}\n`,
  );
  describe.skip(name, fn);
}
