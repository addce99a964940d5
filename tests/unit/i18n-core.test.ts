import { describe, expect, it } from 'vitest';
import { defineStrings } from '../../src/lib/i18n/define-strings.ts';
import { localeOfPath, localePath, otherLocale, unlocalisedPath } from '../../src/lib/i18n/locales.ts';

describe('interface text', () => {
  it('gives each language its own text', () => {
    const s = defineStrings(
      'test',
      { hello: 'Hello', count: (n: number) => `${n} appeals` },
      { hello: 'Helo', count: (n: number) => `${n} apêl` },
    );
    expect(s.cy.hello).toBe('Helo');
    expect(s.en.count(3)).toBe('3 appeals');
  });

  it('fails, naming the area and key, when a Welsh text is missing or empty', () => {
    expect(() => defineStrings('footer', { a: 'A', b: 'B' }, { a: 'A' } as never)).toThrow(
      /"footer" has no cy text for "b"/,
    );
    expect(() => defineStrings('footer', { a: 'A' }, { a: '  ' })).toThrow(/no cy text for "a"/);
  });

  it('fails on a key that only one language has', () => {
    expect(() => defineStrings('footer', { a: 'A' }, { a: 'A', extra: 'X' } as never)).toThrow(
      /unknown "extra"/,
    );
  });
});

describe('language paths', () => {
  it('puts Welsh under /cy/ and English at the root', () => {
    expect(localePath('en', '/appeals/')).toBe('/appeals/');
    expect(localePath('cy', '/appeals/')).toBe('/cy/appeals/');
    expect(localePath('cy', '/')).toBe('/cy/');
    expect(() => localePath('cy', 'appeals/')).toThrow();
  });

  it('reads the language back from a path', () => {
    expect(localeOfPath('/cy/appeals/')).toBe('cy');
    expect(localeOfPath('/cymru/')).toBe('en');
    expect(unlocalisedPath('/cy/help/')).toBe('/help/');
    expect(unlocalisedPath('/cy/')).toBe('/');
    expect(unlocalisedPath('/help/')).toBe('/help/');
    expect(otherLocale('cy')).toBe('en');
  });
});
