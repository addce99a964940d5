// Where the studio sends people to see the public site, and what `npm start`'s Node server decides
// from a path alone (src/lib/hosting/public-address.ts, live-answers.ts).
import { describe, expect, it } from 'vitest';
import { readOperatorEnv } from '../../src/lib/config/operator-env.ts';
import { liveAnswer } from '../../src/lib/hosting/live-answers.ts';
import {
  isPlaceholderAddress,
  LOCAL_SITE_ADDRESS,
  localPort,
  publicAppealUrl,
  publicSiteAddress,
} from '../../src/lib/hosting/public-address.ts';

describe('the public site address', () => {
  it("is npm start's address while baseUrl is the demo's placeholder and nothing else is said", () => {
    expect(LOCAL_SITE_ADDRESS).toBe('http://127.0.0.1:4321/');
    expect(publicSiteAddress({ baseUrl: 'https://appeals.example.org' })).toBe(LOCAL_SITE_ADDRESS);
    expect(publicSiteAddress({})).toBe(LOCAL_SITE_ADDRESS);
    expect(publicSiteAddress({ baseUrl: 'not an address' })).toBe(LOCAL_SITE_ADDRESS);
  });

  it('is a real baseUrl, and LIVE_SITE_URL over both', () => {
    expect(publicSiteAddress({ baseUrl: 'https://appeals.police.uk' })).toBe('https://appeals.police.uk/');
    expect(publicSiteAddress({ baseUrl: 'https://www.missing.org.uk/appeals' })).toBe(
      'https://www.missing.org.uk/appeals/',
    );
    expect(
      publicSiteAddress({ liveSiteUrl: 'http://127.0.0.1:5000', baseUrl: 'https://appeals.police.uk' }),
    ).toBe('http://127.0.0.1:5000/');
  });

  it('knows the domains reserved for examples', () => {
    for (const address of [
      'https://appeals.example.org',
      'https://example.com/x',
      'http://news.example.net',
      'https://site.example',
      'https://a.test',
      'https://b.invalid',
    ])
      expect(isPlaceholderAddress(address), address).toBe(true);
    for (const address of ['https://example.org.uk', 'https://myexample.org', 'https://appeals.police.uk'])
      expect(isPlaceholderAddress(address), address).toBe(false);
  });

  it("builds an appeal's address, and the port npm start takes from a loopback address", () => {
    expect(publicAppealUrl('http://127.0.0.1:4321/', '2026-0042')).toBe(
      'http://127.0.0.1:4321/appeals/2026-0042/',
    );
    expect(localPort('http://127.0.0.1:4321/')).toBe(4321);
    expect(localPort('http://localhost/')).toBe(80);
    expect(localPort('https://127.0.0.1:4321/')).toBeUndefined();
    expect(localPort('https://appeals.police.uk/')).toBeUndefined();
  });

  it('reads LIVE_SITE_URL, refusing what is not a web address', () => {
    expect(readOperatorEnv({ LIVE_SITE_URL: 'http://127.0.0.1:4400' }).liveSiteUrl).toBe(
      'http://127.0.0.1:4400/',
    );
    expect(readOperatorEnv({}).liveSiteUrl).toBeUndefined();
    for (const bad of ['127.0.0.1:4321', 'ftp://x.org/', 'https://x.org/?a=1'])
      expect(() => readOperatorEnv({ LIVE_SITE_URL: bad }), bad).toThrow(
        /^LIVE_SITE_URL: expected an address/,
      );
  });
});

describe("the Node server's reading of a path, as nginx's configuration reads it", () => {
  it('finds the appeal id in every form of an appeal URL and below it', () => {
    for (const p of [
      '/appeals/2026-0042',
      '/appeals/2026-0042/',
      '/appeals/2026-0042/index.html',
      '/appeals/2026-0042/poster/',
      '/appeals//2026-0042/share-card.jpg',
      '/appeals/2026%2D0042/',
      '/cy/appeals/2026-0042/',
      '/cy/appeals/2026-0042/poster/',
    ])
      expect(liveAnswer(p), p).toEqual({ kind: 'appeal', id: '2026-0042' });
  });

  it('never serves host files, and leaves other paths to the file lookup', () => {
    for (const p of ['/_gone/2026-0042', '/_gone/', '/_headers', '/_redirects', '//_headers'])
      expect(liveAnswer(p), p).toEqual({ kind: 'host-file' });
    for (const p of ['/', '/appeals/', '/appeals/2/', '/appeals/closedx', '/search/', '/404/', '/%zz'])
      expect(liveAnswer(p), p).toEqual({ kind: 'page' });
  });

  it('marks the notice in every spelling, and the 404 page, noindex', () => {
    for (const p of [
      '/appeals/closed',
      '/appeals/closed/',
      '/appeals/closed/index.html',
      '/appeals//closed',
      '/appeals/%63losed',
      '/404.html',
    ])
      expect(liveAnswer(p), p).toEqual({ kind: 'noindex-page' });
  });
});
