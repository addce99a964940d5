/**
 * The map of appeals by region: a tile grid, one square per region, drawn at build time. No
 * boundary data: each region's place in the grid comes from the settings (`map: { row, column }`).
 * Pure functions: counts, layout and shading, so the page only draws what these return.
 */

export interface GridPosition {
  row: number;
  column: number;
}

export interface MapRegion {
  id: string;
  name: string;
  map?: GridPosition | undefined;
}

export interface RegionCount {
  id: string;
  name: string;
  count: number;
}

/**
 * Active appeals per region, in the settings' order. `appealRegions` is each active appeal's
 * last-seen region, the same field the region listings filter on.
 */
export function countByRegion(
  regions: readonly MapRegion[],
  appealRegions: readonly string[],
): RegionCount[] {
  return regions.map((region) => ({
    id: region.id,
    name: region.name,
    count: appealRegions.filter((id) => id === region.id).length,
  }));
}

export interface PlacedRegion extends MapRegion {
  row: number;
  column: number;
}

/** Columns for regions without a place when no region has one. */
const DEFAULT_COLUMNS = 4;

/**
 * Every region with a grid position: its own from the settings, or, for a region without one, the
 * next free square in rows below the placed ones (in the settings' order), so a new region shows
 * up before anyone has given it a place.
 */
export function layoutTiles(regions: readonly MapRegion[]): PlacedRegion[] {
  const placed = regions.filter((r) => r.map);
  const columns = Math.max(DEFAULT_COLUMNS, ...placed.map((r) => r.map!.column + 1));
  const firstFreeRow = placed.length === 0 ? 0 : Math.max(...placed.map((r) => r.map!.row)) + 1;
  let next = 0;
  return regions.map((region) => {
    if (region.map) return { ...region, row: region.map.row, column: region.map.column };
    const slot = next++;
    return { ...region, row: firstFreeRow + Math.floor(slot / columns), column: slot % columns };
  });
}

/** Two regions in one square: the settings' check reports it; this names them. */
export function sharedSquares(regions: readonly MapRegion[]): string[] {
  const seen = new Map<string, string>();
  const problems: string[] = [];
  for (const region of regions) {
    if (!region.map) continue;
    const key = `${region.map.row},${region.map.column}`;
    const other = seen.get(key);
    if (other)
      problems.push(
        `"${other}" and "${region.id}" are both at row ${region.map.row}, column ${region.map.column}`,
      );
    else seen.set(key, region.id);
  }
  return problems;
}

// --- Shading -----------------------------------------------------------------------------------

/**
 * Light to dark blues. Each tile has a dark outline (3:1 against the page, WCAG 1.4.11) and shows
 * its number, so the colour is never the only way to read a count.
 */
export const SHADES = ['#ffffff', '#d2e3f3', '#8fb8de', '#2c6aa8', '#0b2c4f'] as const;
export const TILE_OUTLINE = '#0b0c0c';
const PAGE_BACKGROUND = '#ffffff';
const DARK_TEXT = '#0b0c0c';
const LIGHT_TEXT = '#ffffff';

export interface ShadeClass {
  /** Smallest and largest count in the class (equal for a class of one number). */
  min: number;
  max: number;
  fill: string;
  /** Text colour on `fill`: whichever of dark and white contrasts more. */
  text: string;
}

/**
 * The legend's classes for counts up to `highest`: "0" on its own, then up to four equal ranges of
 * whole numbers, darker for more appeals.
 */
export function shadeClasses(highest: number): ShadeClass[] {
  const withText = (min: number, max: number, fill: string): ShadeClass => ({
    min,
    max,
    fill,
    text: contrastRatio(fill, DARK_TEXT) >= contrastRatio(fill, LIGHT_TEXT) ? DARK_TEXT : LIGHT_TEXT,
  });
  const classes = [withText(0, 0, SHADES[0])];
  if (highest <= 0) return classes;
  const steps = SHADES.length - 1;
  const width = Math.ceil(highest / steps);
  const used = Math.ceil(highest / width);
  for (let k = 0; k < used; k++) {
    // With fewer classes than shades, spread them over the range so the darkest means the most.
    const shade = SHADES[used === 1 ? steps : 1 + Math.round((k * (steps - 1)) / Math.max(1, used - 1))]!;
    classes.push(withText(k * width + 1, Math.min(highest, (k + 1) * width), shade));
  }
  return classes;
}

/** The class a count falls in. */
export function shadeFor(count: number, classes: readonly ShadeClass[]): ShadeClass {
  const found = classes.find((c) => count >= c.min && count <= c.max);
  if (!found) throw new Error(`region map: no shade for ${count}`);
  return found;
}

/** The outline's contrast against the page (WCAG 1.4.11 asks for 3:1). */
export function outlineContrast(): number {
  return contrastRatio(TILE_OUTLINE, PAGE_BACKGROUND);
}

/** WCAG 2 relative luminance of a "#rrggbb" colour. */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** WCAG 2 contrast ratio of two "#rrggbb" colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

// --- Drawing -----------------------------------------------------------------------------------

export const TILE = { size: 112, gap: 8 } as const;

/**
 * A region's name in lines short enough for a tile (about 13 characters), at most three; words are
 * never split.
 */
export function tileLabelLines(name: string, width = 13): string[] {
  const lines: string[] = [];
  // A word too long for a line may break after a hyphen ("Gogledd-" / "ddwyrain"), never inside.
  const pieces = name
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((word) =>
      (word.length > width ? word.split(/(?<=-)/) : [word]).map((text, i) => ({ text, glued: i > 0 })),
    );
  for (const { text, glued } of pieces) {
    const last = lines.at(-1);
    const joined = last === undefined ? undefined : `${last}${glued ? '' : ' '}${text}`;
    if (joined !== undefined && joined.length <= width) lines[lines.length - 1] = joined;
    else lines.push(text);
  }
  if (lines.length <= 3) return lines;
  return [...lines.slice(0, 2), lines.slice(2).join(' ')];
}

export interface DrawnTile {
  id: string;
  name: string;
  count: number;
  x: number;
  y: number;
  shade: ShadeClass;
  lines: string[];
}

/** Where each tile goes and how it looks, plus the drawing's size, for the SVG. */
export function drawMap(
  regions: readonly MapRegion[],
  counts: readonly RegionCount[],
): { tiles: DrawnTile[]; width: number; height: number; classes: ShadeClass[] } {
  const countOf = new Map(counts.map((c) => [c.id, c.count]));
  const classes = shadeClasses(Math.max(0, ...counts.map((c) => c.count)));
  const step = TILE.size + TILE.gap;
  const placed = layoutTiles(regions);
  const tiles = placed.map((region) => {
    const count = countOf.get(region.id) ?? 0;
    return {
      id: region.id,
      name: region.name,
      count,
      x: region.column * step,
      y: region.row * step,
      shade: shadeFor(count, classes),
      lines: tileLabelLines(region.name),
    };
  });
  const width = Math.max(1, ...placed.map((r) => r.column + 1)) * step - TILE.gap;
  const height = Math.max(1, ...placed.map((r) => r.row + 1)) * step - TILE.gap;
  return { tiles, width, height, classes };
}
