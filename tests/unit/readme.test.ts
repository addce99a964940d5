// The documentation shows what the site publishes: the press guide documents the API's JSON Schemas
// for partners, and the README the security headers for hosts; they must be the ones the site sends.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appealsSchema, removalsSchema } from '../../src/lib/outputs/api-schemas.ts';
import { PINNED_CSP, PINNED_SHARED_HEADERS } from '../helpers/pinned-headers.ts';

const read = (file: string) => readFileSync(path.resolve(import.meta.dirname, '../..', file), 'utf8');
const readme = read('README.md');
const pressGuide = read('docs/press.md');

function schemaAfter(marker: string): unknown {
  const at = pressGuide.indexOf(`<!-- api-schema:${marker}`);
  expect(at, `docs/press.md marker api-schema:${marker}`).toBeGreaterThan(-1);
  const block = /```json\n([\s\S]*?)\n```/.exec(pressGuide.slice(at))?.[1];
  return JSON.parse(block ?? 'null');
}

describe('the press guide (docs/press.md)', () => {
  it('shows the JSON Schemas the build publishes', () => {
    expect(schemaAfter('appeals')).toEqual(appealsSchema('https://appeals.example.org'));
    expect(schemaAfter('removals')).toEqual(removalsSchema('https://appeals.example.org'));
  });
});

describe('README', () => {
  it('shows the security headers the site sends', () => {
    expect(readme).toContain(`\nContent-Security-Policy: ${PINNED_CSP}\n`);
    for (const [name, value] of Object.entries(PINNED_SHARED_HEADERS))
      expect(readme).toContain(`\n${name}: ${value}\n`);
  });

  it('links every guide that left it, and each one exists', () => {
    for (const file of ['docs/press.md', 'docs/engineering.md', 'CONTRIBUTING.md']) {
      expect(readme).toContain(`](${file})`);
      expect(read(file).length, file).toBeGreaterThan(0);
    }
  });
});
