import type { AstroIntegration } from 'astro';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the build writes the list of every route the router knows, beside the server entry. */
export const ROUTES_FILE = 'routes.json';

export interface ListedRoute {
  pattern: string;
  type: string;
  origin: string;
  params: string[];
  entrypoint: string;
}

/**
 * Writes every route the router resolved (ours and Astro's own, like /_image) to routes.json in
 * the build, so the test that signs nobody in can try each one: a new page cannot be missed.
 */
export default function routeList(): AstroIntegration {
  let routes: ListedRoute[] = [];
  return {
    name: 'studio:route-list',
    hooks: {
      'astro:routes:resolved': ({ routes: resolved }) => {
        routes = resolved.map((r) => ({
          pattern: r.pattern,
          type: r.type,
          origin: r.origin,
          params: r.params,
          entrypoint: r.entrypoint,
        }));
      },
      'astro:build:done': ({ dir }) => {
        // `dir` is the client folder; the list goes beside it, never among the files served.
        const out = path.resolve(fileURLToPath(dir), '..');
        mkdirSync(out, { recursive: true });
        writeFileSync(path.join(out, ROUTES_FILE), `${JSON.stringify(routes, null, 2)}\n`);
      },
    },
  };
}
