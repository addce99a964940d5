// Nothing goes live unreviewed, on real files and a real SQLite database: the diff a publisher
// approves from names each changed field by its form label with old and new value and pairs the
// photos; changes wait as `submitted` under the two-person rule (a publisher's own too); approval
// writes them through the use case, keeps the revision history and refuses to overwrite a change
// made meanwhile; restoring puts an old version back as a draft; closing deletes the history.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseMarkdownFile } from '../../src/lib/content/frontmatter.ts';
import { approveChanges, closeFound, withdrawAppeal } from '../../src/lib/lifecycle/use-cases.ts';
import { parseCalendarDate } from '../../src/lib/model/calendar-date.ts';
import { scanAppeals } from '../../src/lib/publishing/content-scan.ts';
import { switchCurrent, writeManifest } from '../../src/lib/publishing/releases.ts';
import { publishPlan } from '../../src/lib/studio/publish-plan.ts';
import { loadSettings } from '../../src/lib/content/load-settings.ts';
import { changedNames, diffAppeal, isEmptyDiff } from '../../src/lib/studio/appeal-diff.ts';
import {
  ChangedMeanwhileError,
  extendReview,
  readDraft,
  saveDraft,
  startEditDraft,
} from '../../src/lib/studio/drafts.ts';
import { forgetClosed } from '../../src/lib/studio/preview-build.ts';
import { listRevisions, recordReviewedVersion } from '../../src/lib/studio/revisions.ts';
import { draftFromRevision, submitDraft } from '../../src/lib/studio/review.ts';
import { approvalProblem, changesNeedApproval } from '../../src/lib/studio/roles.ts';
import { DB_FILE } from '../../src/lib/studio/studio-db.ts';
import { FIXTURES, plainTestPhoto } from '../helpers/fixture-content.ts';

const ID = '2026-0101';
const NOW = new Date('2026-11-29T10:00:00Z');
let root: string;
let folders: { contentDir: string; archiveDir: string; auditLog: string; dataDir: string };

beforeEach(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'studio-review-'));
  folders = {
    contentDir: path.join(root, 'content'),
    archiveDir: path.join(root, 'archive'),
    auditLog: path.join(root, 'archive', 'audit.jsonl'),
    dataDir: path.join(root, 'studio-data'),
  };
  cpSync(path.join(FIXTURES, 'basic'), folders.contentDir, { recursive: true });
  writeFileSync(path.join(folders.contentDir, 'appeals', ID, 'photo-1.jpg'), await plainTestPhoto(1));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const contentFile = () => path.join(folders.contentDir, 'appeals', ID, 'index.md');
const content = () => parseMarkdownFile(readFileSync(contentFile(), 'utf8'));

describe('the diff a publisher approves from', () => {
  it('names each changed field by its form label with old and new value, hides the unchanged, and pairs photos', () => {
    const before = content();
    const data = structuredClone(before.data) as Record<string, unknown> & {
      description: Record<string, unknown>;
      photos: Array<Record<string, unknown>>;
    };
    data.description.height = '5 ft 9 in (175 cm)';
    const wasUrgent = data.urgent === true;
    data.urgent = !wasUrgent;
    data.photos = [{ ...data.photos[0], src: 'photo-2.jpg', alt: 'A new school photo' }];
    data.updated = '2030-01-01';
    const diff = diffAppeal(before, { data, body: `${before.body}\n\nSeen near the pier.` });
    expect(diff.fields.map((f) => f.label)).toEqual([
      'Height',
      'What happened, in plain words',
      'Urgent appeal (Child Rescue Alert or police high-risk): show first, with an urgent banner',
    ]);
    const height = diff.fields[0]!;
    expect(height.before).toBe(String((before.data.description as Record<string, unknown>).height));
    expect(height.after).toBe('5 ft 9 in (175 cm)');
    expect(diff.fields[2]).toMatchObject(
      wasUrgent ? { before: 'Yes', after: 'No' } : { before: 'No', after: 'Yes' },
    );
    expect(diff.photos).toHaveLength(1);
    expect(diff.photos[0]).toMatchObject({
      place: 1,
      before: { src: 'photo-1.jpg' },
      after: { src: 'photo-2.jpg', alt: 'A new school photo' },
      changed: ['Picture', 'Description for people who cannot see it'],
    });
    expect(diff.unchanged).toBeGreaterThan(15);
    // `updated` changes with every save: it is not a change anyone reviews.
    expect(diff.otherChanged).toEqual([]);
    expect(changedNames(diff)).toContain('Photo 1');
  });

  it('says dates, sex and region as comms staff would, not as the file stores them', () => {
    const before = content();
    const data = structuredClone(before.data) as Record<string, unknown> & {
      lastSeen: Record<string, unknown>;
    };
    data.dateOfBirth = '2012-03-01';
    data.missingSince = '2026-11-27 21:30';
    data.sex = data.sex === 'female' ? 'male' : 'female';
    data.lastSeen.region = 'yorkshire-and-the-humber';
    const diff = diffAppeal(before, { data, body: before.body }, loadSettings(folders.contentDir).settings);
    const after = Object.fromEntries(diff.fields.map((f) => [f.path, f.after]));
    expect(after.dateOfBirth).toBe('Thursday 1 March 2012');
    expect(after.missingSince).toMatch(/^Friday 27 November 2026.*9:30pm$/);
    expect(after.sex).toBe(data.sex === 'female' ? 'Female' : 'Male');
    expect(after['lastSeen.region']).toBe('Yorkshire and the Humber');
  });

  it('is empty for the same version, and lists a new appeal field by field', () => {
    const now = content();
    expect(isEmptyDiff(diffAppeal(now, now))).toBe(true);
    const fresh = diffAppeal(undefined, now);
    expect(fresh.fields.find((f) => f.path === 'name')).toMatchObject({ before: '', after: now.data.name });
  });

  it('says plainly when a detail the form does not show changed, without its field name', () => {
    const now = content();
    const diff = diffAppeal(now, { data: { ...now.data, status: 'found', secretField: 1 }, body: now.body });
    expect(diff.otherChanged).toEqual(['A detail the form does not show', 'Status']);
  });
});

describe('changes to a live appeal', () => {
  it('wait for approval under the two-person rule, a publisher’s own too; without it only an author’s', () => {
    expect(changesNeedApproval('author', true)).toBe(true);
    expect(changesNeedApproval('publisher', true)).toBe(true);
    expect(changesNeedApproval('author', false)).toBe(true);
    expect(changesNeedApproval('publisher', false)).toBe(false);
  });

  it('stay out of content/ when sent, and go in only when a different publisher approves them', () => {
    const original = readFileSync(contentFile(), 'utf8');
    const draft = startEditDraft(folders.dataDir, folders.contentDir, ID, 'ada@example.org', NOW);
    (draft.data.description as Record<string, unknown>).height = '6 ft';
    saveDraft(draft, 'ada@example.org', NOW);
    const author = { email: 'ada@example.org', role: 'author' as const };
    expect(submitDraft(folders, draft, author, true, NOW)).toBe('submitted');
    expect(readFileSync(contentFile(), 'utf8'), 'nothing reaches content/ on sending').toBe(original);
    const sent = readDraft(folders.dataDir, ID)!;
    expect(sent.meta).toMatchObject({ kind: 'edit', state: 'submitted', submittedBy: 'ada@example.org' });
    expect(approvalProblem(author, sent.meta, true)).toMatch(/Only a publisher/);
    expect(approvalProblem({ email: 'ada@example.org', role: 'publisher' }, sent.meta, true)).toMatch(
      /two-person rule/,
    );
    expect(approvalProblem({ email: 'pia@example.org', role: 'publisher' }, sent.meta, true)).toBeUndefined();

    approveChanges(folders, { draft: sent, by: 'pia@example.org', now: NOW });
    expect((content().data.description as Record<string, unknown>).height).toBe('6 ft');
    expect(readDraft(folders.dataDir, ID)).toBeUndefined();
    const audit = readFileSync(folders.auditLog, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as object);
    expect(audit.at(-1)).toMatchObject({ id: ID, action: 'approve-changes', by: 'pia@example.org' });
    const history = listRevisions(folders.dataDir, ID);
    expect(history.map((r) => [r.source, r.writtenBy, r.approvedBy])).toEqual([
      ['studio', ['ada@example.org'], 'pia@example.org'],
      ['files', [], undefined],
    ]);
    expect(history[1]!.markdown).toBe(original);
    expect(Object.keys(history[0]!.photos)).toEqual(['photo-1.jpg']);
  });

  it('go straight in for a publisher without the rule, and never over a change made meanwhile', () => {
    const draft = startEditDraft(folders.dataDir, folders.contentDir, ID, 'pia@example.org', NOW);
    (draft.data.description as Record<string, unknown>).build = 'Tall';
    saveDraft(draft, 'pia@example.org', NOW);
    writeFileSync(contentFile(), readFileSync(contentFile(), 'utf8').replace(/town: .*/, 'town: Elsewhere'));
    const publisher = { email: 'pia@example.org', role: 'publisher' as const };
    expect(() => submitDraft(folders, draft, publisher, false, NOW)).toThrow(ChangedMeanwhileError);
    expect(content().data.lastSeen).toMatchObject({ town: 'Elsewhere' });
    expect(readDraft(folders.dataDir, ID), 'the changes are kept').toBeDefined();
  });

  it('can put an earlier version back as a draft, photos and all, which then needs approval', async () => {
    const original = content();
    const first = startEditDraft(folders.dataDir, folders.contentDir, ID, 'ada@example.org', NOW);
    (first.data.description as Record<string, unknown>).hair = 'Dyed blue';
    first.data.photos = [{ src: 'photo-2.jpg', alt: 'Another photo', kind: 'photo' }];
    writeFileSync(path.join(first.dir, 'photo-2.jpg'), await plainTestPhoto(2));
    saveDraft(first, 'ada@example.org', NOW);
    approveChanges(folders, { draft: readDraft(folders.dataDir, ID)!, by: 'pia@example.org', now: NOW });
    expect(existsSync(path.join(folders.contentDir, 'appeals', ID, 'photo-1.jpg'))).toBe(false);

    const oldest = listRevisions(folders.dataDir, ID).at(-1)!;
    const restored = draftFromRevision(folders, oldest, 'ada@example.org', NOW);
    expect(restored.meta).toMatchObject({ kind: 'edit', state: 'draft', restoredFrom: oldest.seq });
    expect(readDraft(folders.dataDir, ID)!.data.description).toEqual(original.data.description);
    expect(readFileSync(path.join(restored.dir, 'photo-1.jpg'))).toEqual(await plainTestPhoto(1));
    expect(existsSync(path.join(restored.dir, 'photo-2.jpg'))).toBe(false);
    expect((content().data.description as Record<string, unknown>).hair, 'not live until approved').toBe(
      'Dyed blue',
    );
  });
});

describe('closing an appeal', () => {
  async function withHistory(): Promise<void> {
    const draft = startEditDraft(folders.dataDir, folders.contentDir, ID, 'ada@example.org', NOW);
    (draft.data.description as Record<string, unknown>).eyes = 'Grey';
    saveDraft(draft, 'ada@example.org', NOW);
    approveChanges(folders, { draft, by: 'pia@example.org', now: NOW });
    expect(listRevisions(folders.dataDir, ID)).toHaveLength(2);
    await Promise.resolve();
  }
  const rowsMentioning = (text: string) => {
    const db = new DatabaseSync(path.join(folders.dataDir, DB_FILE));
    try {
      const revisions = db
        .prepare('SELECT COUNT(*) AS n FROM revisions WHERE markdown LIKE ?')
        .get(`%${text}%`);
      const photos = db.prepare('SELECT COUNT(*) AS n FROM revision_photos').get();
      return [(revisions as { n: number }).n, (photos as { n: number }).n];
    } finally {
      db.close();
    }
  };

  it('as found deletes its history, its versions and photos, from the studio database', async () => {
    await withHistory();
    const name = String(content().data.name);
    closeFound(folders, { id: ID, today: '2026-11-29', by: 'pia@example.org' });
    expect(listRevisions(folders.dataDir, ID)).toEqual([]);
    expect(rowsMentioning(name)).toEqual([0, 0]);
    // Nothing of it is left in the database file's free pages or its log either.
    for (const suffix of ['', '-wal'])
      if (existsSync(path.join(folders.dataDir, DB_FILE + suffix)))
        expect(readFileSync(path.join(folders.dataDir, DB_FILE + suffix)).includes(name), suffix).toBe(false);
  });

  it('as withdrawn deletes it too; without a studio data folder nothing is created', async () => {
    await withHistory();
    withdrawAppeal(folders, { id: ID, today: '2026-11-29', by: 'pia@example.org', reason: 'other' });
    expect(listRevisions(folders.dataDir, ID)).toEqual([]);
    const elsewhere = path.join(root, 'no-studio-here');
    const other = { ...folders, dataDir: elsewhere };
    cpSync(
      path.join(FIXTURES, 'basic', 'appeals', '2026-0102'),
      path.join(folders.contentDir, 'appeals', '2026-0199'),
      {
        recursive: true,
      },
    );
    closeFound(other, { id: '2026-0199', today: '2026-11-29', by: 'cli' });
    expect(existsSync(elsewhere)).toBe(false);
  });

  it('elsewhere (the command line, without the studio data folder) leaves the history for the studio to forget when it next looks', async () => {
    await withHistory();
    closeFound({ ...folders, dataDir: undefined }, { id: ID, today: '2026-11-29', by: 'cli' });
    expect(listRevisions(folders.dataDir, ID)).toHaveLength(2);
    expect(forgetClosed(folders.dataDir, [ID, '2026-0103'])).toEqual([ID]);
    expect(listRevisions(folders.dataDir, ID)).toEqual([]);
  });
});

describe('the list a publish shows first', () => {
  it('names each change by appeal and field against the live release, and says plainly what was changed outside the studio', () => {
    // A live release made from the content as it is now.
    const deployDir = path.join(root, 'deploy');
    mkdirSync(path.join(deployDir, 'releases', 'r1'), { recursive: true });
    const scanned = scanAppeals(folders.contentDir);
    writeManifest(deployDir, {
      name: 'r1',
      builtAt: NOW.toISOString(),
      activeIds: scanned.filter((a) => !a.closed).map((a) => a.id),
      closedIds: scanned.filter((a) => a.closed).map((a) => a.id),
      appeals: Object.fromEntries(scanned.filter((a) => !a.closed).map((a) => [a.id, a.digest])),
      files: {},
    });
    switchCurrent(deployDir, 'r1');
    const plan = () => publishPlan({ ...folders, deployDir });
    const first = plan();
    expect(first.appeals).toEqual([]);

    const draft = startEditDraft(folders.dataDir, folders.contentDir, ID, 'ada@example.org', NOW);
    (draft.data.description as Record<string, unknown>).height = '6 ft';
    saveDraft(draft, 'ada@example.org', NOW);
    submitDraft(folders, draft, { email: 'ada@example.org', role: 'author' }, true, NOW);
    expect(plan().appeals, 'changes waiting for approval are not published').toEqual([]);
    expect(plan().waiting).toEqual([ID]);
    approveChanges(folders, { draft: readDraft(folders.dataDir, ID)!, by: 'pia@example.org', now: NOW });
    const hand = '2026-0102';
    const handFile = path.join(folders.contentDir, 'appeals', hand, 'index.md');
    writeFileSync(handFile, readFileSync(handFile, 'utf8').replace(/height: .*/, 'height: 6 ft 1 in'));
    recordReviewedVersion(folders.dataDir, folders.contentDir, '2025-0007', 'ada@example.org', () =>
      extendReview({ ...folders, id: '2025-0007', today: parseCalendarDate('2026-11-29')! }),
    );

    const now = plan();
    expect(now.token).not.toBe(first.token);
    const byId = Object.fromEntries(now.appeals.map((a) => [a.id, a]));
    expect(byId[ID]).toMatchObject({ kind: 'changed', outsideStudio: false });
    expect(byId[ID]!.fields!.map((f) => [f.label, f.after])).toEqual([['Height', '6 ft']]);
    expect(byId[hand]).toMatchObject({ kind: 'changed', outsideStudio: true });
    expect(byId[hand]!.fields, 'the studio never saw the live version').toBeUndefined();
    expect(byId['2025-0007']).toMatchObject({ kind: 'changed', outsideStudio: false });
    expect(byId['2025-0007']!.changed).toEqual(['Review the appeal by']);

    closeFound(folders, { id: ID, today: '2026-11-29', by: 'pia@example.org' });
    expect(plan().appeals.find((a) => a.id === ID)).toEqual({
      id: ID,
      kind: 'closing',
      outsideStudio: false,
    });
  });
});
