import type { AstroIntegration } from 'astro';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { headersFile } from '../lib/security-headers.ts';

/** Writes `_headers` so Netlify and Cloudflare Pages serve every page with the strict CSP. */
export default function hostHeaders(): AstroIntegration {
  return {
    name: 'appeals:host-headers',
    hooks: {
      'astro:build:done': ({ dir }) => {
        writeFileSync(path.join(fileURLToPath(dir), '_headers'), headersFile());
      },
    },
  };
}
