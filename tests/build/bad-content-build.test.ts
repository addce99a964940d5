import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, PROJECT_ROOT } from '../helpers/build-site.ts';
import { FIXTURES } from '../helpers/fixture-content.ts';

describe('a build with bad content', () => {
  it('fails, lists every problem with file and field, and writes nothing', () => {
    const work = mkdtempSync(path.join(PROJECT_ROOT, 'test-output', 'bad-'));
    const content = path.join(work, 'content');
    cpSync(path.join(FIXTURES, 'basic'), content, { recursive: true });
    const file = path.join(content, 'appeals/2026-0101/index.md');
    writeFileSync(
      file,
      readFileSync(file, 'utf8')
        .replace('missingSince: "2026-05-01 18:30"', 'missingSince: 31/02/2026')
        .replace('sex: female', 'sex: girl')
        // Unquoted, as people type it: YAML alone would have published it as 2 March.
        .replace('published: 2026-05-02', 'published: 2026-02-30'),
    );
    const out = path.join(work, 'dist');
    const result = buildSite(content, out);
    expect(result.status).not.toBe(0);
    const rel = path.relative(PROJECT_ROOT, file);
    expect(result.output).toContain(
      `${rel}: missingSince: expected a date like 2026-05-01, or a date and UK time like "2026-05-01 18:30", got "31/02/2026"`,
    );
    expect(result.output).toContain(`${rel}: sex: expected "female" or "male", got "girl"`);
    expect(result.output).toContain(
      `${rel}: published: expected a real date like 2026-05-01, got "2026-02-30" (February 2026 has 28 days)`,
    );
    // The photos were never drawn, so those problems are reported in the same run too.
    expect(result.output).toMatch(/2026-0102\/index.md: photos\[0\]\.src: expected a photo file/);
    expect(existsSync(path.join(out, 'index.html'))).toBe(false);
    rmSync(work, { recursive: true, force: true });
  });
});
