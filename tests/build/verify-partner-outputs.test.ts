// Verification of the press and partner outputs, on copies of the built fixture: the clean build
// passes, and each way a closed appeal could survive in them is caught and named.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { verifyRelease } from '../../src/lib/publishing/verify-release.ts';
import { PROJECT_ROOT } from '../helpers/build-site.ts';

const dist = inject('fixtureDist');
const ACTIVE = ['2026-0101', '2026-0102', '2025-0007'];
const CLOSED = '2026-0103';
let copy: string | undefined;
afterEach(() => {
  if (copy) rmSync(copy, { recursive: true, force: true });
  copy = undefined;
});

function release(): string {
  copy = mkdtempSync(path.join(PROJECT_ROOT, 'test-output', 'verify-partner-'));
  cpSync(dist, copy, { recursive: true });
  return copy;
}
const verify = (dir: string, closedIds = [CLOSED], activeIds = ACTIVE) =>
  verifyRelease({
    releaseDir: dir,
    activeIds,
    closedIds,
    forbiddenNames: [],
    publicDir: path.join(PROJECT_ROOT, 'public'),
  });
const edit = (file: string, change: (text: string) => string) =>
  writeFileSync(file, change(readFileSync(file, 'utf8')));

describe('verification of partner outputs', () => {
  it('passes the clean build, which names the closed appeal only in the removals feeds and host files', () => {
    expect(verify(dist)).toEqual([]);
  });

  it('catches a share card left for a closed appeal', () => {
    const dir = release();
    cpSync(
      path.join(dir, 'appeals', ACTIVE[0]!, 'share-card.jpg'),
      path.join(dir, 'appeals', CLOSED, 'share-card.jpg'),
    );
    expect(verify(dir).map((f) => f.file)).toContain(`appeals/${CLOSED}/share-card.jpg`);
  });

  it('catches a poster page for a closed appeal that is not the notice', () => {
    const dir = release();
    cpSync(
      path.join(dir, 'appeals', ACTIVE[0]!, 'poster', 'index.html'),
      path.join(dir, 'appeals', CLOSED, 'poster', 'index.html'),
    );
    const findings = verify(dir).filter((f) => f.file === `appeals/${CLOSED}/poster/index.html`);
    expect(findings.map((f) => f.problem).join('\n')).toMatch(/not exactly the neutral notice/);
  });

  it("catches the built closed appeal's notice, and its poster's, once it is no longer marked noindex", () => {
    const dir = release();
    const robots = '<meta name="robots" content="noindex">';
    for (const page of ['index.html', 'poster/index.html']) {
      const file = path.join(dir, 'appeals', CLOSED, page);
      if (!readFileSync(file, 'utf8').includes(robots)) throw new Error(`no robots tag in ${file}`);
      edit(file, (html) => html.replace(robots, ''));
    }
    expect(verify(dir).map((f) => `${f.file}: ${f.problem}`)).toEqual([
      `appeals/${CLOSED}/index.html: closed appeal page is not marked noindex`,
      `appeals/${CLOSED}/poster/index.html: closed appeal page is not marked noindex`,
    ]);
  });

  it('catches a feed, sitemap, API file or embed that still offers a closed appeal', () => {
    const dir = release();
    const url = `https://appeals.example.org/appeals/${CLOSED}/`;
    edit(path.join(dir, 'feeds', 'appeals.xml'), (t) =>
      t.replace('</channel>', `<item><link>${url}</link></item></channel>`),
    );
    edit(path.join(dir, 'sitemap-0.xml'), (t) =>
      t.replace('</urlset>', `<url><loc>${url}</loc></url></urlset>`),
    );
    edit(path.join(dir, 'api', 'v1', 'appeals.json'), (t) =>
      t.replace('"appeals": [', `"appeals": [{"url": "${url}"},`),
    );
    edit(path.join(dir, 'embed', 'latest', 'index.html'), (t) =>
      t.replace('</ul>', `<li><a href="${url}">x</a></li></ul>`),
    );
    const flagged = verify(dir)
      .filter((f) => f.problem === `links to closed appeal ${CLOSED}`)
      .map((f) => f.file)
      .sort();
    expect(flagged).toEqual([
      'api/v1/appeals.json',
      'embed/latest/index.html',
      'feeds/appeals.xml',
      'sitemap-0.xml',
    ]);
  });

  it('catches a share card whose appeal was closed after the build, with its page', () => {
    // The same build, verified as if 2026-0102 had closed: its page, poster and card are all named.
    const problems = verify(dist, [CLOSED, '2026-0102'], ['2026-0101', '2025-0007']).map((f) => f.file);
    expect(problems).toEqual(
      expect.arrayContaining([
        'appeals/2026-0102/share-card.jpg',
        'appeals/2026-0102/index.html',
        'appeals/2026-0102/poster/index.html',
        'feeds/appeals.xml',
      ]),
    );
  });
});
