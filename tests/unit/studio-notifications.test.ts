// The studio's notifications on a real SQLite file: who is told when an appeal waits for approval,
// when it goes live (judged from a real deploy folder and content/), reminders at most once a day,
// reading, forgetting on closure, and the words, which never name the child.
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEditDraft } from '../../src/lib/studio/drafts.ts';
import {
  approvedNotices,
  forgetAppealNotices,
  listNotifications,
  liveNow,
  markAllRead,
  notificationWords,
  notify,
  peopleWithRole,
  remindPastReview,
  sentForApproval,
  tellWentLive,
  unreadCount,
} from '../../src/lib/studio/notifications.ts';
import { DB_FILE, openStudioDb } from '../../src/lib/studio/studio-db.ts';
import { addUser, removeUser } from '../../src/lib/studio/users.ts';

const AUTHOR = 'ada.author@example.org';
const SAM = 'sam.publisher@example.org';
const JO = 'jo.publisher@example.org';
const T0 = Date.UTC(2026, 11, 5, 10, 42);
const PASSWORD = 'violet harbour compass 7';

let template: string;
let dir: string;
let db: DatabaseSync;

// The users are added once (scrypt is slow on purpose); each test starts from a copy of that file.
beforeAll(async () => {
  template = mkdtempSync(path.join(tmpdir(), 'studio-notifications-users-'));
  const setup = openStudioDb(template);
  await addUser(setup, { email: AUTHOR, role: 'author', password: PASSWORD });
  await addUser(setup, { email: SAM, role: 'publisher', password: PASSWORD });
  await addUser(setup, { email: JO, role: 'publisher', password: PASSWORD });
  setup.close();
});
afterAll(() => rmSync(template, { recursive: true, force: true }));

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'studio-notifications-'));
  mkdirSync(path.join(dir, 'data'), { mode: 0o700 });
  copyFileSync(path.join(template, DB_FILE), path.join(dir, 'data', DB_FILE));
  db = openStudioDb(path.join(dir, 'data'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const publicUrl = (id: string) => `https://appeals.example.org/appeals/${id}/`;
const texts = (email: string) =>
  listNotifications(db, email).map((n) => notificationWords(n, publicUrl).text);

describe('notifications', () => {
  it('tell every publisher but the sender that an appeal waits for approval, in plain words', () => {
    expect(peopleWithRole(db, ['publisher'])).toEqual([JO, SAM]);
    sentForApproval(db, '2026-0042', SAM, [AUTHOR, SAM], T0);
    expect(texts(JO)).toEqual([`Appeal 2026-0042 is waiting for your approval (sent by ${SAM} at 10:42)`]);
    expect(texts(SAM), 'the sender is not told of their own appeal').toEqual([]);
    expect(texts(AUTHOR), 'an author does not approve').toEqual([]);
    expect(unreadCount(db, JO)).toBe(1);
    const [notice] = listNotifications(db, JO);
    expect(notificationWords(notice!, publicUrl).studioLink).toBe('/appeals/2026-0042/');
  });

  it('tell the writers once, when their appeal is live, with its public address', () => {
    sentForApproval(db, '2026-0042', AUTHOR, [AUTHOR, 'gone@example.org'], T0);
    sentForApproval(db, '2026-0043', AUTHOR, [AUTHOR, JO], T0);
    expect(
      tellWentLive(db, () => false, T0 + 1),
      'nothing is live yet',
    ).toEqual([]);
    expect(texts(AUTHOR)).toEqual([]);
    expect(tellWentLive(db, (id) => id === '2026-0043', T0 + 2)).toEqual(['2026-0043']);
    expect(texts(AUTHOR)).toEqual(['Appeal 2026-0043 is now on the public site']);
    expect(texts(JO)).toEqual([
      'Appeal 2026-0043 is now on the public site',
      `Appeal 2026-0043 is waiting for your approval (sent by ${AUTHOR} at 10:42)`,
      `Appeal 2026-0042 is waiting for your approval (sent by ${AUTHOR} at 10:42)`,
    ]);
    const live = listNotifications(db, AUTHOR)[0]!;
    expect(notificationWords(live, publicUrl).more).toEqual({
      text: 'see it on the public site',
      href: 'https://appeals.example.org/appeals/2026-0043/',
    });
    expect(
      tellWentLive(db, () => true, T0 + 3),
      'told once only',
    ).toEqual(['2026-0042']);
    expect(texts(AUTHOR).filter((t) => t.includes('2026-0043'))).toHaveLength(1);
  });

  it('remind everyone of an appeal past its review date at most once a day', () => {
    expect(remindPastReview(db, ['2026-0007'], '2026-12-05', T0)).toBe(3);
    expect(remindPastReview(db, ['2026-0007'], '2026-12-05', T0 + 60_000), 'a second load').toBe(0);
    expect(texts(AUTHOR)).toEqual([
      'Appeal 2026-0007 is past its review date: check it is still needed and up to date',
    ]);
    markAllRead(db, SAM, T0 + 1);
    expect(remindPastReview(db, ['2026-0007'], '2026-12-06', T0 + 86_400_000), 'the next day').toBe(3);
    expect(unreadCount(db, AUTHOR), "yesterday's unread reminder is replaced").toBe(1);
    expect(listNotifications(db, AUTHOR).map((n) => n.createdAt)).toEqual([T0 + 86_400_000]);
    expect(
      listNotifications(db, SAM).map((n) => n.read),
      'a read one stays, as read',
    ).toEqual([false, true]);
  });

  it('are marked read all at once; read ones older than a month are deleted', () => {
    notify(db, [AUTHOR], { kind: 'review', appealId: '2026-0001', at: T0 });
    markAllRead(db, AUTHOR, T0 + 1);
    notify(db, [AUTHOR, SAM], { kind: 'review', appealId: '2026-0002', at: T0 + 2 });
    expect(unreadCount(db, AUTHOR)).toBe(1);
    expect(listNotifications(db, AUTHOR).map((n) => [n.appealId, n.read])).toEqual([
      ['2026-0002', false],
      ['2026-0001', true],
    ]);
    markAllRead(db, AUTHOR, T0 + 3);
    expect(unreadCount(db, AUTHOR)).toBe(0);
    expect(unreadCount(db, SAM), "another person's stay new").toBe(1);
    markAllRead(db, AUTHOR, T0 + 31 * 86_400_000);
    expect(listNotifications(db, AUTHOR)).toEqual([]);
  });

  it('about a closed appeal are deleted; approval ends "waiting", and they follow an appeal approved under another id', () => {
    sentForApproval(db, '2026-0041', AUTHOR, [AUTHOR], T0);
    sentForApproval(db, '2026-0042', AUTHOR, [AUTHOR], T0);
    remindPastReview(db, ['2026-0042'], '2026-12-05', T0);
    approvedNotices(db, '2026-0041', '2026-0041');
    approvedNotices(db, '2026-0042', '2026-0044');
    expect(texts(SAM)).toEqual([
      'Appeal 2026-0044 is past its review date: check it is still needed and up to date',
    ]);
    expect(tellWentLive(db, (id) => id === '2026-0044', T0)).toEqual(['2026-0044']);
    expect(tellWentLive(db, (id) => id === '2026-0041', T0)).toEqual(['2026-0041']);
    forgetAppealNotices(db, '2026-0041');
    sentForApproval(db, '2026-0044', AUTHOR, [AUTHOR], T0);
    remindPastReview(db, ['2026-0044', '2026-0045'], '2026-12-05', T0);
    forgetAppealNotices(db, '2026-0044');
    for (const email of [AUTHOR, SAM, JO])
      expect(listNotifications(db, email).map((n) => n.appealId)).toEqual(['2026-0045']);
    expect(
      tellWentLive(db, () => true, T0),
      'nobody waits for a closed appeal',
    ).toEqual([]);
  });

  it('go when their recipient is removed, and nobody else is ever told', () => {
    notify(db, [AUTHOR, 'stranger@example.org'], { kind: 'review', appealId: '2026-0001', at: T0 });
    expect(db.prepare('SELECT count(*) AS n FROM notifications').get()).toEqual({ n: 1 });
    removeUser(db, AUTHOR);
    expect(db.prepare('SELECT count(*) AS n FROM notifications').get()).toEqual({ n: 0 });
  });
});

describe('liveNow', () => {
  const ID = '2026-0042';
  let deployDir: string;
  let contentDir: string;
  let dataDir: string;
  const builtAt = new Date(T0);

  beforeEach(() => {
    deployDir = path.join(dir, 'deploy');
    contentDir = path.join(dir, 'content');
    dataDir = path.join(dir, 'data');
    mkdirSync(path.join(deployDir, 'releases', 'r1'), { recursive: true });
    writeFileSync(
      path.join(deployDir, 'releases', 'r1.json'),
      JSON.stringify({
        name: 'r1',
        builtAt: builtAt.toISOString(),
        activeIds: [ID],
        closedIds: [],
        files: {},
      }),
    );
    symlinkSync(path.join('releases', 'r1'), path.join(deployDir, 'current'));
    for (const id of [ID, '2026-0043']) {
      mkdirSync(path.join(contentDir, 'appeals', id), { recursive: true });
      writeFileSync(path.join(contentDir, 'appeals', id, 'index.md'), '---\nstatus: active\n---\n');
      const before = new Date(T0 - 60_000);
      utimesSync(path.join(contentDir, 'appeals', id, 'index.md'), before, before);
    }
  });

  it('is true only for an appeal the live release shows as it is now, with no draft waiting', () => {
    const folders = { deployDir, contentDir, dataDir };
    expect(liveNow(folders)(ID)).toBe(true);
    expect(liveNow(folders)('2026-0043'), 'not in the release').toBe(false);
    const later = new Date(T0 + 60_000);
    utimesSync(path.join(contentDir, 'appeals', ID, 'index.md'), later, later);
    expect(liveNow(folders)(ID), 'changed since the release').toBe(false);
    const before = new Date(T0 - 60_000);
    utimesSync(path.join(contentDir, 'appeals', ID, 'index.md'), before, before);
    startEditDraft(dataDir, contentDir, ID, AUTHOR);
    expect(liveNow(folders)(ID), 'a change still waits').toBe(false);
    expect(liveNow({ ...folders, deployDir: path.join(dir, 'nothing') })(ID), 'nothing published').toBe(
      false,
    );
  });
});
