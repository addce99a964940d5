// The README documents the API's JSON Schemas for partners; they must be the ones the site publishes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appealsSchema, removalsSchema } from '../../src/lib/outputs/api-schemas.ts';
import { PINNED_CSP, PINNED_SHARED_HEADERS } from '../helpers/pinned-headers.ts';

const readme = readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');

function schemaAfter(marker: string): unknown {
  const at = readme.indexOf(`<!-- api-schema:${marker}`);
  expect(at, `README marker api-schema:${marker}`).toBeGreaterThan(-1);
  const block = /```json\n([\s\S]*?)\n```/.exec(readme.slice(at))?.[1];
  return JSON.parse(block ?? 'null');
}

describe('README', () => {
  it('shows the JSON Schemas the build publishes', () => {
    expect(schemaAfter('appeals')).toEqual(appealsSchema('https://appeals.example.org'));
    expect(schemaAfter('removals')).toEqual(removalsSchema('https://appeals.example.org'));
  });

  it('shows the security headers the site sends', () => {
    expect(readme).toContain(`\nContent-Security-Policy: ${PINNED_CSP}\n`);
    for (const [name, value] of Object.entries(PINNED_SHARED_HEADERS))
      expect(readme).toContain(`\n${name}: ${value}\n`);
  });
});
