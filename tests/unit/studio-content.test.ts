// The studio's content side on real files: the form and index.md translate both ways without
// loss, in the documented field order (the README's table), with the README's help for every
// field; drafts stay outside content/ and reach it whole or not at all, never over someone else's
// change; ids like ../../etc are refused; the preview serves only the appeal's own files; the
// photo ingest refuses bombs and non-photos; the job runner never runs two publishes at once.
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { documentedFieldPaths, inDocumentedOrder } from '../../src/lib/content/appeal-field-order.ts';
import { parseMarkdownFile, stringifyMarkdownFile } from '../../src/lib/content/frontmatter.ts';
import type { ContentReport } from '../../src/lib/content/content-report.ts';
import { loadSettings } from '../../src/lib/content/load-settings.ts';
import { validateAppealFolder } from '../../src/lib/content/validate-appeal.ts';
import { validateContent } from '../../src/lib/content/validate-content.ts';
import { parseCalendarDate } from '../../src/lib/model/calendar-date.ts';
import { ingestPhoto, PhotoRejectedError } from '../../src/lib/photos/photo-ingest.ts';
import {
  APPEAL_FORM,
  appealFromForm,
  formValuesFrom,
  inputForField,
  PHOTO_FIELDS,
  photosFromForm,
  rearrangedPhotos,
} from '../../src/lib/studio/appeal-form.ts';
import { dashboard } from '../../src/lib/studio/dashboard.ts';
import {
  ChangedMeanwhileError,
  contentHash,
  createNewDraft,
  draftDir,
  DraftError,
  extendReview,
  IdTakenError,
  listDrafts,
  nextPhotoName,
  readDraft,
  removeDraft,
  saveDraft,
  startEditDraft,
  writeDraftToContent,
} from '../../src/lib/studio/drafts.ts';
import { parseFieldsTable } from '../../src/lib/studio/field-help.ts';
import { JobRunner } from '../../src/lib/studio/jobs.ts';
import { forgetInStudio, previewDir, previewFile } from '../../src/lib/studio/preview-build.ts';
import { readOperatorEnv } from '../../src/lib/config/operator-env.ts';
import { studioConfig } from '../../src/lib/studio/studio-config.ts';
import { FIXTURES, plainTestPhoto, writeTestPhoto } from '../helpers/fixture-content.ts';

const README = readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');
const TODAY = parseCalendarDate('2026-11-29')!;
let root: string;
let contentDir: string;
let dataDir: string;

beforeEach(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'studio-content-'));
  contentDir = path.join(root, 'content');
  dataDir = path.join(root, 'studio-data');
  cpSync(path.join(FIXTURES, 'basic'), contentDir, { recursive: true });
  for (const [id, n] of [
    ['2025-0007', 2],
    ['2026-0101', 1],
    ['2026-0102', 1],
  ] as const) {
    // Plain photos, made in milliseconds: these tests read the content, not the pixels.
    for (let i = 1; i <= n; i++)
      writeFileSync(path.join(contentDir, 'appeals', id, `photo-${i}.jpg`), await plainTestPhoto(i));
  }
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

async function check(dir: string, id: string): Promise<ContentReport> {
  const report: ContentReport = {
    settings: loadSettings(contentDir).settings,
    appeals: [],
    problems: [],
    warnings: [],
  };
  await validateAppealFolder(dir, id, report, { today: TODAY });
  return report;
}

describe('the appeal form', () => {
  it('gives back every fixture appeal unchanged when nothing is edited, and the result still passes the check', async () => {
    for (const id of ['2025-0007', '2026-0101', '2026-0102']) {
      const file = path.join(contentDir, 'appeals', id, 'index.md');
      const parsed = parseMarkdownFile(readFileSync(file, 'utf8'));
      const { values, photos } = formValuesFrom(parsed.data, parsed.body);
      const back = appealFromForm(values, photos, parsed.data);
      const asText = (data: Record<string, unknown>) =>
        parseMarkdownFile(stringifyMarkdownFile(data, '')).data;
      // The form writes each photo's kind, which the schema defaults to "photo" anyway.
      const withKinds = (parsed.data.photos as Array<Record<string, unknown>>).map((p) => ({
        kind: 'photo',
        ...p,
      }));
      expect(asText(back.data), id).toEqual(
        asText(inDocumentedOrder({ urgent: false, ...parsed.data, photos: withKinds })),
      );
      expect(back.body).toBe(parsed.body.trim());
      writeFileSync(file, stringifyMarkdownFile(back.data, back.body));
      expect((await check(path.dirname(file), id)).problems, id).toEqual([]);
    }
  });

  it('leaves empty boxes out (so the check says what is missing), keeps text the check must judge, and keeps unknown fields', () => {
    const values = Object.fromEntries(
      APPEAL_FORM.flatMap((s) => s.fields).map((f) => [f.path, '']),
    ) as Record<string, string>;
    values.ageAtDisappearance = 'fourteen';
    values.knownAs = ' Mimi, , Amy ';
    values.urgent = 'on';
    const { data } = appealFromForm(
      values,
      [{ src: 'photo-1.jpg', alt: ' ', caption: '', kind: 'age-progressed', taken: '' }],
      { status: 'active', lastSeen: { twon: 'Leeds' }, updated: '2026-01-01' },
    );
    expect(data).toMatchObject({
      status: 'active',
      knownAs: ['Mimi', 'Amy'],
      ageAtDisappearance: 'fourteen',
      urgent: true,
      updated: '2026-01-01',
      lastSeen: { twon: 'Leeds' },
      description: {},
    });
    expect(data.photos).toEqual([{ src: 'photo-1.jpg', kind: 'age-progressed' }]);
    expect('name' in data).toBe(false);
    expect(appealFromForm({ ...values, ageAtDisappearance: '14' }, [], {}).data.ageAtDisappearance).toBe(14);
    // Keys come out in the documented order.
    expect(Object.keys(data)).toEqual([
      'status',
      'knownAs',
      'ageAtDisappearance',
      'lastSeen',
      'description',
      'photos',
      'force',
      'consent',
      'urgent',
      'updated',
    ]);
  });

  it('reads photo rows in order, and moves and removes them', () => {
    const rows = photosFromForm([
      ['photos[1].src', 'b.jpg'],
      ['photos[0].src', 'a.jpg'],
      ['photos[0].alt', 'A'],
      ['photos[10].src', 'k.jpg'],
      ['photos[0].evil', 'x'],
      ['name', 'N'],
    ]);
    expect(rows.map((r) => r.src)).toEqual(['a.jpg', 'b.jpg', 'k.jpg']);
    expect(rows[0]).toEqual({ src: 'a.jpg', alt: 'A', caption: '', kind: '', taken: '' });
    expect(rearrangedPhotos(rows, { move: 'up', index: 1 }).map((r) => r.src)).toEqual([
      'b.jpg',
      'a.jpg',
      'k.jpg',
    ]);
    expect(rearrangedPhotos(rows, { move: 'down', index: 2 }).map((r) => r.src)).toEqual([
      'a.jpg',
      'b.jpg',
      'k.jpg',
    ]);
    expect(rearrangedPhotos(rows, { move: 'remove', index: 0 }).map((r) => r.src)).toEqual([
      'b.jpg',
      'k.jpg',
    ]);
    expect(rearrangedPhotos(rows, { move: 'remove', index: 9 })).toHaveLength(3);
  });

  it('puts each problem beside its field, or in the summary when the form has no such field', () => {
    expect(inputForField('lastSeen.town', 0)).toBe('lastSeen.town');
    expect(inputForField('photos[1].alt', 2)).toBe('photos[1].alt');
    expect(inputForField('photos[3].alt', 2)).toBe('photos');
    expect(inputForField('photos', 0)).toBe('photos');
    expect(inputForField('circumstances (the text below the frontmatter)', 0)).toBe('circumstances');
    expect(inputForField('lastSeen.twon', 0)).toBeUndefined();
    expect(inputForField(undefined, 0)).toBeUndefined();
  });

  it('writes fields in the order of the README fields table, and has the README help for every field it shows', () => {
    const table = parseFieldsTable(README);
    const readmeOrder = [...table.keys()].filter((k) => k !== 'photos');
    expect(documentedFieldPaths().filter((p) => readmeOrder.includes(p))).toEqual(readmeOrder);
    expect(
      readmeOrder.every((p) => documentedFieldPaths().includes(p)),
      'every field the README documents is known',
    ).toBe(true);
    for (const field of APPEAL_FORM.flatMap((s) => s.fields))
      if (field.path !== 'circumstances') expect(table.get(field.path)?.help, field.path).toBeTruthy();
    for (const key of PHOTO_FIELDS) expect(table.get(`photos[].${key}`)?.help, key).toBeTruthy();
    expect(table.get('description.clothing')!.help).toMatch(/Last seen wearing/);
    expect(table.get('name')!.required).toBe('yes');
  });
});

describe('drafts', () => {
  it('refuse an id that is not an appeal id', () => {
    for (const bad of ['../../etc', '2026-0042/../..', '', '2026-42', '..']) {
      expect(() => draftDir(dataDir, bad), bad).toThrow(/expected an appeal id/);
      expect(() => previewDir(dataDir, bad), bad).toThrow(/expected an appeal id/);
      expect(() => readDraft(dataDir, bad), bad).toThrow();
    }
  });

  it('refuse a damaged draft.json, naming the file and the field, rather than half-use it', () => {
    const draft = createNewDraft(dataDir, contentDir, 'ada@example.org', TODAY);
    const file = path.join(draft.dir, 'draft.json');
    const good = readFileSync(file, 'utf8');
    writeFileSync(file, JSON.stringify({ ...JSON.parse(good), kind: 'publish', editors: 'ada' }));
    expect(() => readDraft(dataDir, draft.meta.id)).toThrow(
      `${file}: kind: Invalid option: expected one of "new"|"edit"; editors: Invalid input: expected array, received string`,
    );
    expect(() => listDrafts(dataDir)).toThrow(DraftError);
    writeFileSync(file, '{"id": ');
    expect(() => readDraft(dataDir, draft.meta.id)).toThrow(
      `${file}: expected JSON, got a file that does not parse`,
    );
    writeFileSync(file, good);
    expect(readDraft(dataDir, draft.meta.id)?.meta).toEqual(JSON.parse(good));
    removeDraft(dataDir, draft.meta.id);
  });

  it('take the next id free in content and drafts, live outside content/, in owner-only files', () => {
    const first = createNewDraft(dataDir, contentDir, 'ada@example.org', TODAY);
    const second = createNewDraft(dataDir, contentDir, 'ada@example.org', TODAY);
    expect([first.meta.id, second.meta.id]).toEqual(['2026-0104', '2026-0105']);
    expect(first.dir.startsWith(dataDir)).toBe(true);
    expect(existsSync(path.join(contentDir, 'appeals', '2026-0104'))).toBe(false);
    expect(statSync(path.join(first.dir, 'index.md')).mode & 0o777).toBe(0o600);
    expect(first.data).toMatchObject({
      status: 'active',
      published: '2026-11-29',
      reviewBy: '2027-02-28',
      consent: { date: '2026-11-29' },
    });
    expect(
      listDrafts(dataDir)
        .map((d) => d.id)
        .sort(),
    ).toEqual(['2026-0104', '2026-0105']);
  });

  it('put a new appeal into content/ in one step, never over another appeal', async () => {
    const draft = createNewDraft(dataDir, contentDir, 'ada@example.org', TODAY);
    const src = path.join(contentDir, 'appeals', '2026-0101');
    const fixture = parseMarkdownFile(readFileSync(path.join(src, 'index.md'), 'utf8'));
    draft.data = { ...fixture.data, name: 'Ottoline Fairweather', knownAs: [] };
    draft.body = 'A fictional test appeal.';
    cpSync(path.join(src, 'photo-1.jpg'), path.join(draft.dir, 'photo-1.jpg'));
    saveDraft(draft, 'ada@example.org');
    expect((await check(draft.dir, draft.meta.id)).problems).toEqual([]);
    writeDraftToContent(readDraft(dataDir, draft.meta.id)!, contentDir);
    const target = path.join(contentDir, 'appeals', draft.meta.id);
    expect(readdirSync(target).sort()).toEqual(['index.md', 'photo-1.jpg']);
    expect(readdirSync(path.join(contentDir, 'appeals')).filter((n) => n.startsWith('.'))).toEqual([]);
    expect(() => writeDraftToContent(readDraft(dataDir, draft.meta.id)!, contentDir)).toThrow(IdTakenError);
    expect((await validateContent(contentDir, { today: TODAY })).problems).toEqual([]);
  });

  it('save changes to a published appeal only if nobody changed it since, adding and dropping photos safely', async () => {
    const id = '2025-0007';
    const draft = startEditDraft(dataDir, contentDir, id, 'ada@example.org');
    expect(readdirSync(draft.dir).sort()).toEqual(['draft.json', 'index.md', 'photo-1.jpg', 'photo-2.jpg']);
    expect(nextPhotoName(draft, contentDir)).toBe('photo-3.jpg');
    await writeTestPhoto(path.join(draft.dir, 'photo-3.jpg'), 9, { width: 640, height: 800 });
    const photos = draft.data.photos as Array<Record<string, unknown>>;
    draft.data.photos = [{ src: 'photo-3.jpg', alt: 'A new fictional portrait', kind: 'photo' }, photos[1]];
    saveDraft(draft, 'ada@example.org');
    writeDraftToContent(readDraft(dataDir, id)!, contentDir);
    const dir = path.join(contentDir, 'appeals', id);
    expect(readdirSync(dir).sort()).toEqual(['index.md', 'photo-2.jpg', 'photo-3.jpg']);
    expect((await check(dir, id)).problems).toEqual([]);

    // A change by hand meanwhile is never overwritten.
    const stale = startEditDraft(dataDir, path.join(root, 'content'), '2026-0102', 'ada@example.org');
    const file = path.join(contentDir, 'appeals', '2026-0102', 'index.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Coach station', 'Bus station'));
    stale.data = { ...stale.data, name: 'Changed in the studio' };
    saveDraft(stale, 'ada@example.org');
    expect(() => writeDraftToContent(readDraft(dataDir, '2026-0102')!, contentDir)).toThrow(
      ChangedMeanwhileError,
    );
    expect(readFileSync(file, 'utf8')).toContain('Bus station');
    expect(readFileSync(file, 'utf8')).not.toContain('Changed in the studio');
  });

  it('extend a review by three months, carrying it into a draft begun from the same file', () => {
    const draft = startEditDraft(dataDir, contentDir, '2025-0007', 'ada@example.org');
    expect(extendReview({ contentDir, dataDir, id: '2025-0007', today: TODAY })).toBe('2027-02-28');
    const data = parseMarkdownFile(
      readFileSync(path.join(contentDir, 'appeals', '2025-0007', 'index.md'), 'utf8'),
    ).data;
    expect(data.reviewBy).toBe('2027-02-28');
    const after = readDraft(dataDir, '2025-0007')!;
    expect(after.data.reviewBy).toBe('2027-02-28');
    expect(after.meta.baseHash).toBe(contentHash(contentDir, '2025-0007'));
    expect(after.meta.baseHash).not.toBe(draft.meta.baseHash);
    expect(() => extendReview({ contentDir, dataDir, id: '2026-0103', today: TODAY })).toThrow(/not active/);
  });

  it('leave nothing of a closed appeal in the studio: draft, preview and preview images go', () => {
    startEditDraft(dataDir, contentDir, '2026-0102', 'ada@example.org');
    mkdirSync(path.join(previewDir(dataDir, '2026-0102'), 'appeals'), { recursive: true });
    mkdirSync(path.join(dataDir, 'preview-cache', 'assets'), { recursive: true });
    forgetInStudio(dataDir, '2026-0102');
    expect(readDraft(dataDir, '2026-0102')).toBeUndefined();
    expect(existsSync(previewDir(dataDir, '2026-0102'))).toBe(false);
    expect(existsSync(path.join(dataDir, 'preview-cache'))).toBe(false);
  });
});

describe('the dashboard', () => {
  it('sorts the content into urgent, past review, active (searchable) and recently closed (ids only)', async () => {
    const deployDir = path.join(root, 'deploy');
    createNewDraft(dataDir, contentDir, 'ada@example.org', TODAY);
    // A draft and a preview left of an appeal closed from the command line are forgotten.
    const stale = startEditDraft(dataDir, contentDir, '2026-0102', 'ada@example.org');
    mkdirSync(previewDir(dataDir, '2026-0102'), { recursive: true });
    writeFileSync(
      path.join(contentDir, 'appeals', '2026-0102', 'index.md'),
      '---\nstatus: found\nclosedAt: 2026-11-28\npublished: 2026-09-15\nupdated: 2026-11-28\n---\n',
    );
    rmSync(path.join(contentDir, 'appeals', '2026-0102', 'photo-1.jpg'));
    const d = await dashboard({ contentDir, dataDir, deployDir, today: TODAY });
    expect(existsSync(stale.dir)).toBe(false);
    expect(existsSync(previewDir(dataDir, '2026-0102'))).toBe(false);
    expect(d.urgent.map((r) => r.id)).toEqual(['2026-0101']);
    expect(d.pastReview.map((r) => r.id)).toEqual(['2025-0007']);
    expect(d.active.map((r) => r.id)).toEqual(['2026-0101', '2025-0007']);
    expect(d.active.every((r) => r.notLive)).toBe(true);
    expect(d.recentlyClosed).toEqual([
      { id: '2026-0102', status: 'found', closedAt: '2026-11-28' },
      { id: '2026-0103', status: 'found', closedAt: '2026-10-01' },
    ]);
    expect(d.drafts.map((x) => x.id)).toEqual(['2026-0104']);
    expect(d.live).toBeUndefined();
    const search = async (query: string) =>
      (await dashboard({ contentDir, dataDir, deployDir, today: TODAY, query })).active.map((r) => r.id);
    expect(await search('zeph')).toEqual(['2026-0101']);
    expect(await search('FIX-2026-0101')).toEqual(['2026-0101']);
    expect(await search('hollowmere odalys')).toHaveLength(1);
    expect(await search('tobiah'), 'a closed appeal is not found by name').toEqual([]);
  });
});

describe('the preview', () => {
  it('serves the appeal page, its poster and the files they use, nothing else', () => {
    const dir = previewDir(dataDir, '2026-0101');
    for (const file of [
      'appeals/2026-0101/index.html',
      'appeals/2026-0101/poster/index.html',
      'appeals/2026-0102/index.html',
      '_astro/a.css',
      '_photos/p.webp',
      'index.html',
      'feeds/appeals.xml',
      'favicon.svg',
    ]) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), 'x');
    }
    writeFileSync(path.join(dataDir, 'studio.db'), 'secret');
    const ok = [
      'appeals/2026-0101/',
      'appeals/2026-0101/poster/',
      '_astro/a.css',
      '_photos/p.webp',
      'favicon.svg',
    ];
    for (const rest of ok) expect(previewFile(dataDir, '2026-0101', rest), rest).toBeDefined();
    for (const rest of [
      '',
      'feeds/appeals.xml',
      'appeals/2026-0102/',
      '../../studio.db',
      '_astro/../../../studio.db',
      '_astro/.hidden',
      'appeals/2026-0101/x/y',
    ]) {
      expect(previewFile(dataDir, '2026-0101', rest), rest).toBeUndefined();
    }
  });
});

describe('the studio configuration', () => {
  it('refuses a data folder inside the content, public or deploy folders', () => {
    const projectRoot = root;
    mkdirSync(path.join(root, 'public'));
    expect(() =>
      studioConfig(
        readOperatorEnv({ CONTENT_DIR: contentDir, STUDIO_DATA_DIR: path.join(contentDir, 'x') }),
        projectRoot,
      ),
    ).toThrow(/apart from the content folder/);
    expect(() =>
      studioConfig(
        readOperatorEnv({ CONTENT_DIR: contentDir, STUDIO_DATA_DIR: 'public/studio' }),
        projectRoot,
      ),
    ).toThrow(/public folder/);
    expect(() =>
      studioConfig(readOperatorEnv({ CONTENT_DIR: contentDir, STUDIO_DATA_DIR: 'deploy/s' }), projectRoot),
    ).toThrow(/deploy folder/);
    expect(() =>
      studioConfig(
        readOperatorEnv({ CONTENT_DIR: contentDir, STUDIO_ORIGIN: 'https://studio.example.org/path' }),
        projectRoot,
      ),
    ).toThrow(/STUDIO_ORIGIN/);
    expect(studioConfig(readOperatorEnv({ CONTENT_DIR: contentDir }), projectRoot).dataDir).toBe(
      path.join(root, 'studio-data'),
    );
  });
});

describe('the photo ingest', () => {
  /** A PNG whose header claims `width`×`height` but whose pixels were never written: a decompression bomb's calling card. */
  function bombPng(width: number, height: number): Buffer {
    const chunk = (type: string, data: Buffer) => {
      const len = Buffer.alloc(4);
      len.writeUInt32BE(data.length);
      const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
      let crc = 0xffffffff;
      for (const byte of body) {
        crc ^= byte;
        for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
      }
      const sum = Buffer.alloc(4);
      sum.writeUInt32BE((crc ^ 0xffffffff) >>> 0);
      return Buffer.concat([len, body, sum]);
    };
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(width, 0);
    ihdr.writeUInt32BE(height, 4);
    ihdr.set([1, 0, 0, 0, 0], 8);
    return Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      chunk('IDAT', deflateSync(Buffer.alloc(1024))),
      chunk('IEND', Buffer.alloc(0)),
    ]);
  }

  it('refuses decompression bombs, non-photo formats and files that are not images, writing nothing', async () => {
    const out = path.join(root, 'out.jpg');
    await expect(ingestPhoto(bombPng(30_000, 30_000), out)).rejects.toThrow(
      /at most 50 megapixels, got 30000×30000 px/,
    );
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="900" height="900"><rect width="900" height="900"/></svg>',
    );
    await expect(ingestPhoto(svg, out)).rejects.toThrow(/got an SVG drawing/);
    const tiff = await sharp({ create: { width: 700, height: 700, channels: 3, background: '#888' } })
      .tiff()
      .toBuffer();
    await expect(ingestPhoto(tiff, out)).rejects.toThrow(/got a TIFF file/);
    await expect(ingestPhoto(Buffer.from('hello, not an image'), out)).rejects.toThrow(PhotoRejectedError);
    const small = await sharp({ create: { width: 800, height: 500, channels: 3, background: '#888' } })
      .jpeg()
      .toBuffer();
    await expect(ingestPhoto(small, out)).rejects.toThrow(
      /at least 600 px on the short side, got 800×500 px/,
    );
    expect(existsSync(out)).toBe(false);
    const photo = path.join(root, 'in.jpg');
    await writeTestPhoto(photo, 3);
    await ingestPhoto(photo, out);
    const meta = await sharp(out).metadata();
    expect([meta.format, meta.exif, meta.xmp]).toEqual(['jpeg', undefined, undefined]);
  });
});

describe('the job runner', () => {
  it('never runs two publishes at once: a request while one waits joins it; after it has read the content, one follow-up is queued', async () => {
    const jobs = new JobRunner();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let runs = 0;
    const run = async (control: { step(name: string, state: 'running' | 'done'): void }) => {
      runs++;
      control.step('lock', 'running');
      await gate;
      control.step('lock', 'done');
      control.step('validate', 'running');
      control.step('validate', 'done');
      control.step('takedown', 'running');
      control.step('takedown', 'done');
      return runs;
    };
    const first = jobs.requestPublish('ada', ['lock', 'validate', 'build'], run);
    expect(first.outcome).toBe('started');
    const joined = jobs.requestPublish('sam', ['lock', 'validate', 'build'], run);
    expect(joined).toMatchObject({ outcome: 'joined' });
    expect(joined.job.id).toBe(first.job.id);
    release();
    await jobs.ended(first.job.id);
    expect(runs).toBe(1);
    expect(first.job.steps.map((s) => `${s.name}:${s.state}`)).toEqual([
      'lock:done',
      'validate:done',
      'takedown:done',
      'build:skipped',
    ]);

    // Once it has read the content, a request queues exactly one more, however many ask.
    let go!: () => void;
    const held = new Promise<void>((resolve) => (go = resolve));
    const slow = async (control: { step(name: string, state: 'running' | 'done'): void }) => {
      control.step('validate', 'running');
      await held;
      return 'slow';
    };
    const second = jobs.requestPublish('ada', ['lock', 'validate'], slow);
    expect(jobs.requestPublish('sam', ['lock', 'validate'], () => Promise.resolve('follow-up')).outcome).toBe(
      'queued',
    );
    expect(jobs.requestPublish('pia', ['lock', 'validate'], () => Promise.resolve('follow-up')).outcome).toBe(
      'queued',
    );
    go();
    await jobs.ended(second.job.id);
    const next = jobs.get(second.job.nextJobId!)!;
    expect(next.by).toBe('pia');
    await jobs.ended(next.id);
    expect(next.result).toBe('follow-up');
    expect(jobs.list().filter((j) => j.kind === 'publish')).toHaveLength(3);
  });
});
