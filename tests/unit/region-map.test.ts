import { readFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import {
  contrastRatio,
  countByRegion,
  drawMap,
  layoutTiles,
  outlineContrast,
  shadeClasses,
  shadeFor,
  SHADES,
  tileLabelLines,
} from '../../src/lib/outputs/region-map.ts';
import { settingsSchema } from '../../src/lib/model/settings-schema.ts';
import { smsHref } from '../../src/lib/model/phone.ts';
import { demoSettingsYaml } from '../../scripts/lib/demo/settings.ts';

const REGIONS = [
  { id: 'north', name: 'North', map: { row: 0, column: 1 } },
  { id: 'south', name: 'South', map: { row: 2, column: 0 } },
  { id: 'east', name: 'East' },
  { id: 'west', name: 'West' },
];

describe('counting appeals by region', () => {
  it('counts each region’s appeals, in the settings’ order, with zero for a region without any', () => {
    expect(countByRegion(REGIONS, ['south', 'north', 'south', 'elsewhere'])).toEqual([
      { id: 'north', name: 'North', count: 1 },
      { id: 'south', name: 'South', count: 2 },
      { id: 'east', name: 'East', count: 0 },
      { id: 'west', name: 'West', count: 0 },
    ]);
  });
});

describe('laying out the tiles', () => {
  it('puts a region with a place in the settings there, and the others in rows below, in order', () => {
    const placed = layoutTiles(REGIONS).map((r) => [r.id, r.row, r.column]);
    expect(placed).toEqual([
      ['north', 0, 1],
      ['south', 2, 0],
      ['east', 3, 0],
      ['west', 3, 1],
    ]);
  });

  it('wraps regions without places after four columns when none has a place', () => {
    const regions = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, name: id }));
    expect(layoutTiles(regions).map((r) => [r.row, r.column])).toEqual([
      [0, 0],
      [0, 1],
      [0, 2],
      [0, 3],
      [1, 0],
    ]);
  });

  it('sizes the drawing to the grid and gives every tile a distinct square', () => {
    const { tiles, width, height } = drawMap(REGIONS, countByRegion(REGIONS, []));
    expect(new Set(tiles.map((t) => `${t.x},${t.y}`)).size).toBe(tiles.length);
    expect(width).toBe(2 * 120 - 8); // columns 0 and 1 in use
    expect(height).toBe(4 * 120 - 8);
  });

  it('splits long names into lines that fit a tile, never splitting a word', () => {
    expect(tileLabelLines('Yorkshire and the Humber')).toEqual(['Yorkshire and', 'the Humber']);
    expect(tileLabelLines('London')).toEqual(['London']);
    // Welsh names with a long hyphenated word break after the hyphen, so no line overflows the square.
    expect(tileLabelLines('Gogledd-ddwyrain Lloegr')).toEqual(['Gogledd-', 'ddwyrain', 'Lloegr']);
    expect(tileLabelLines('De-ddwyrain Lloegr')).toEqual(['De-ddwyrain', 'Lloegr']);
    expect(tileLabelLines('Gogledd-orllewin Lloegr').every((line) => line.length <= 13)).toBe(true);
    expect(tileLabelLines('East of England')).toEqual(['East of', 'England']);
    expect(tileLabelLines('a bb ccccccccccccc dd eeeeeeeeeeeee ff')).toHaveLength(3);
  });
});

describe('shading', () => {
  it('keeps 0 on its own and splits the rest into at most four ranges that cover every count', () => {
    for (const highest of [0, 1, 2, 3, 4, 5, 7, 9, 12, 40, 101]) {
      const classes = shadeClasses(highest);
      expect(classes[0]).toMatchObject({ min: 0, max: 0 });
      expect(classes.length).toBeLessThanOrEqual(5);
      for (let n = 0; n <= highest; n++) expect(() => shadeFor(n, classes)).not.toThrow();
      expect(classes.at(-1)!.max).toBe(highest);
      // Darker for more: each class's fill is darker than the one before.
      const lum = classes.map((c) => contrastRatio(c.fill, '#ffffff'));
      expect([...lum].sort((a, b) => a - b)).toEqual(lum);
      expect(new Set(classes.map((c) => c.fill)).size).toBe(classes.length);
    }
    expect(shadeClasses(12).map((c) => [c.min, c.max])).toEqual([
      [0, 0],
      [1, 3],
      [4, 6],
      [7, 9],
      [10, 12],
    ]);
    // The most appeals always get the darkest shade, even with few classes.
    expect(shadeClasses(1).at(-1)!.fill).toBe(SHADES.at(-1));
  });

  it('meets WCAG contrast: the number on every shade (4.5:1) and the tile outline on the page (3:1)', () => {
    for (const shade of shadeClasses(40))
      expect(contrastRatio(shade.fill, shade.text)).toBeGreaterThanOrEqual(4.5);
    expect(outlineContrast()).toBeGreaterThanOrEqual(3);
  });

  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
  });

  it('throws for a count outside every class, rather than shading it wrongly', () => {
    expect(() => shadeFor(5, shadeClasses(4))).toThrow(/no shade for 5/);
  });
});

describe('map settings', () => {
  const base = settingsSchema.parse(
    yaml.load(readFileSync(path.resolve(import.meta.dirname, '../fixtures/basic/settings.yaml'), 'utf8')),
  );
  const withRegions = (regions: unknown) => settingsSchema.safeParse({ ...base, regions });

  it('accepts a region with or without a square on the map', () => {
    expect(
      withRegions([
        { id: 'a', name: 'A', map: { row: 0, column: 3 } },
        { id: 'b', name: 'B' },
      ]).success,
    ).toBe(true);
  });

  it('refuses two regions in one square, naming both', () => {
    const result = withRegions([
      { id: 'a', name: 'A', map: { row: 1, column: 1 } },
      { id: 'b', name: 'B', map: { row: 1, column: 1 } },
    ]);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message).join('\n')).toMatch(
      /"a" and "b" are both at row 1, column 1/,
    );
  });

  it('refuses a square off the grid or a place without its column', () => {
    expect(withRegions([{ id: 'a', name: 'A', map: { row: -1, column: 0 } }]).success).toBe(false);
    expect(withRegions([{ id: 'a', name: 'A', map: { row: 0, column: 20 } }]).success).toBe(false);
    expect(withRegions([{ id: 'a', name: 'A', map: { row: 0 } }]).success).toBe(false);
  });
});

describe('the demonstration settings', () => {
  const file = path.resolve(import.meta.dirname, '../../content/settings.yaml');

  it('are what scripts/generate-demo-content.ts writes, so the two stay in step', () => {
    expect(readFileSync(file, 'utf8')).toBe(demoSettingsYaml());
  });

  it('place every UK region in its own square, and give the young person’s page its help', () => {
    const settings = settingsSchema.parse(yaml.load(readFileSync(file, 'utf8')));
    expect(settings.regions.every((r) => r.map)).toBe(true);
    expect(settings.youngPeople).toEqual({
      textNumber: '116 000',
      email: 'helpline@example.org',
      messageService: 'Runaway Helpline',
    });
  });
});

describe('text links', () => {
  it('dial digits only, as tel: links do', () => {
    expect(smsHref('116 000')).toBe('sms:116000');
    expect(smsHref('+44 7700 900123')).toBe('sms:+447700900123');
  });
});
