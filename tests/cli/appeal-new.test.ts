import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { parseMarkdownFile } from '../../src/lib/content/frontmatter.ts';
import { validateContent } from '../../src/lib/content/validate-content.ts';
import { FIXED_BUILD_DATE, PROJECT_ROOT } from '../helpers/build-site.ts';
import { materialiseFixture, writeTestPhoto } from '../helpers/fixture-content.ts';

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

async function workspace(): Promise<{ root: string; content: string }> {
  const root = mkdtempSync(path.join(PROJECT_ROOT, 'test-output', 'cli-'));
  roots.push(root);
  return { root, content: await materialiseFixture('basic', root) };
}

function appeal(content: string, args: string[]) {
  const result = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'scripts/appeal.ts'), ...args], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      CONTENT_DIR: content,
      BUILD_DATE: FIXED_BUILD_DATE,
      STUDIO_DATA_DIR: path.join(path.dirname(content), 'studio-data'),
    },
    encoding: 'utf8',
    input: '',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const BASE_FLAGS = [
  'new',
  '--no-input',
  '--name',
  'Peregrin Ashdown',
  '--known-as',
  'Perry, P',
  '--sex',
  'male',
  '--age',
  '13',
  '--missing-since',
  '2026-11-20 07:45',
  '--place',
  'Bus stop on Mill Lane',
  '--town',
  'Oldtown',
  '--region',
  'north-west',
  '--hair',
  'Short, black',
  '--clothing',
  'Green coat',
  '--force',
  'Fixture Constabulary',
  '--reference',
  'FIX-2026-0200',
  '--consent-by',
  'Father',
  '--circumstances',
  'This is a fictional test appeal created by the CLI test.',
];

describe('npm run appeal -- new', () => {
  it('creates a valid appeal with an upright, resized, metadata-free photo under a neutral name', async () => {
    const { root, content } = await workspace();
    // A landscape sensor image with EXIF orientation 6 (turn 90° clockwise) is a portrait photo.
    const photo = path.join(root, 'Peregrin_Ashdown_school.jpg');
    await writeTestPhoto(path.join(root, 'raw.jpg'), 7, { width: 2400, height: 1800 });
    await sharp(path.join(root, 'raw.jpg'))
      .withMetadata({ orientation: 6 })
      .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1' } })
      .jpeg()
      .toFile(photo);

    const result = appeal(content, [
      ...BASE_FLAGS,
      '--photo',
      photo,
      '--alt',
      'Fictional portrait of a boy',
      '--urgent',
    ]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Created appeal 2026-0104');

    const dir = path.join(content, 'appeals', '2026-0104');
    expect(readdirSync(dir).sort()).toEqual(['index.md', 'photo-1.jpg']);
    const meta = await sharp(path.join(dir, 'photo-1.jpg')).metadata();
    expect([meta.width, meta.height]).toEqual([1200, 1600]);
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(meta.orientation ?? 1).toBe(1);

    const { data, body } = parseMarkdownFile(readFileSync(path.join(dir, 'index.md'), 'utf8'));
    expect(data).toMatchObject({
      status: 'active',
      name: 'Peregrin Ashdown',
      knownAs: ['Perry', 'P'],
      // The file holds text; the schema reads it as a number (checked below).
      ageAtDisappearance: '13',
      urgent: true,
      photos: [{ src: 'photo-1.jpg', alt: 'Fictional portrait of a boy', kind: 'photo' }],
      published: FIXED_BUILD_DATE,
      reviewBy: '2027-02-28',
    });
    expect(body.trim()).toBe('This is a fictional test appeal created by the CLI test.');
    const report = await validateContent(content, { today: { year: 2026, month: 11, day: 29 } });
    expect(report.problems).toEqual([]);
    const created = report.appeals.find((a) => a.id === '2026-0104');
    expect(created?.status === 'active' && created.data.ageAtDisappearance).toBe(13);
  });

  it('refuses a photo under 600 px on the short side and creates nothing', async () => {
    const { root, content } = await workspace();
    const small = path.join(root, 'small.jpg');
    await writeTestPhoto(small, 3, { width: 500, height: 700 });
    const before = readdirSync(path.join(content, 'appeals')).sort();
    const result = appeal(content, [...BASE_FLAGS, '--photo', small, '--alt', 'x']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `--photo ${small}: expected at least 600 px on the short side, got 500×700 px`,
    );
    expect(readdirSync(path.join(content, 'appeals')).sort()).toEqual(before);
  });

  it('refuses invalid answers with the field named, and creates nothing', async () => {
    const { root, content } = await workspace();
    const photo = path.join(root, 'p.jpg');
    await writeTestPhoto(photo, 4);
    const flags = BASE_FLAGS.map((f) => (f === 'north-west' ? 'atlantis' : f === '13' ? '19' : f));
    const result = appeal(content, [...flags, '--photo', photo, '--alt', 'x']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('The appeal was not created');
    expect(result.stderr).toMatch(/2026-0104\/index.md: ageAtDisappearance: expected an age from 0 to 17/);
    expect(result.stderr).toMatch(/2026-0104\/index.md: lastSeen.region: expected one of the regions/);
    expect(existsSync(path.join(content, 'appeals', '2026-0104'))).toBe(false);
    expect(readdirSync(path.join(content, 'appeals')).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('lists every missing option when it cannot ask', async () => {
    const { content } = await workspace();
    const result = appeal(content, ['new', '--no-input', '--name', 'X Y']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'Missing options: --sex, --missing-since, --place, --town, --region, --force, --reference, --consent-by, --circumstances',
    );
  });
});
