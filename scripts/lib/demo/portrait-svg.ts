/**
 * A portrait as SVG: an obviously artificial illustration for demonstration appeals. Nothing here
 * comes from a photo of a real person: every shape is built from numbers, and every image carries
 * a "DEMONSTRATION IMAGE" strip and a "DEMO" badge so that no one mistakes it for a real child.
 */
import { darken, lighten } from './colour.ts';
import {
  drawBackground,
  drawBackHair,
  drawClothing,
  drawEars,
  drawHairOverShoulders,
  drawNeck,
} from './portrait-body.ts';
import {
  drawCheeks,
  drawEyes,
  drawGlasses,
  drawHairInFront,
  drawHead,
  drawNoseAndMouth,
} from './portrait-face.ts';
import { BOTTOM, CX, H, STRIP, W, portraitGeometry, type Portrait, type Push } from './portrait-geometry.ts';
import { portraitDefaults, type PortraitOptions } from './portrait-options.ts';

/** The parts of a portrait in the order they are painted (and draw from the seed). */
const PARTS = [
  drawBackground,
  drawBackHair,
  drawClothing,
  drawNeck,
  drawHairOverShoulders,
  drawEars,
  drawHead,
  drawCheeks,
  drawEyes,
  drawNoseAndMouth,
  drawHairInFront,
  drawGlasses,
  drawLabels,
];

/** The SVG source of a portrait; `drawPortraitJpeg` rasterises it. */
export function portraitSvg(seed: number, partial: Partial<PortraitOptions> = {}): string {
  const o = portraitDefaults(seed, partial);
  const p = portraitGeometry(seed, o);
  const parts: string[] = [];
  const push: Push = (s) => parts.push(s);
  for (const draw of PARTS) draw(p, push);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${o.width}" height="${o.height}" viewBox="0 0 ${W} ${H}" preserveAspectRatio="xMidYMid meet">${gradients(p)}${parts.join('')}</svg>`;
}

/** A "DEMO" badge that survives square and wide crops, and the strip at the bottom. */
function drawLabels(p: Portrait, push: Push): void {
  const { o } = p;
  push(`<rect x="36" y="470" width="150" height="64" rx="10" fill="#111111" fill-opacity="0.82"/>`);
  push(
    `<text x="111" y="514" text-anchor="middle" font-family="DejaVu Sans, Verdana, Arial, sans-serif" font-weight="bold" font-size="34" letter-spacing="3" fill="#ffffff">DEMO</text>`,
  );
  push(`<rect x="0" y="${BOTTOM}" width="${W}" height="${STRIP}" fill="#111111"/>`);
  push(`<rect x="0" y="${BOTTOM}" width="${W}" height="8" fill="#f2c230"/>`);
  push(
    `<text x="${CX}" y="${BOTTOM + 74}" text-anchor="middle" font-family="DejaVu Sans, Verdana, Arial, sans-serif" font-weight="bold" font-size="56" letter-spacing="4" fill="#ffffff">DEMONSTRATION IMAGE</text>`,
  );
  const sub = o.ageProgressed
    ? 'Fictional age-progressed illustration · not a real person'
    : 'Fictional illustration · not a real person';
  push(
    `<text x="${CX}" y="${BOTTOM + 124}" text-anchor="middle" font-family="DejaVu Sans, Verdana, Arial, sans-serif" font-size="32" fill="#f2c230">${sub}</text>`,
  );
}

/** The gradients the parts fill with: background, vignette, skin and cloth. */
function gradients(p: Portrait): string {
  const { o, cloth, clothLight } = p;
  const [bg1, bg2] = o.background;
  const defs = `<defs>
<linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${bg1}"/><stop offset="1" stop-color="${bg2}"/></linearGradient>
<radialGradient id="vignette" cx="0.5" cy="0.42" r="0.75"><stop offset="0.55" stop-color="#000000" stop-opacity="0"/><stop offset="1" stop-color="#000000" stop-opacity="0.16"/></radialGradient>
<radialGradient id="skin" cx="0.42" cy="0.38" r="0.7"><stop offset="0" stop-color="${lighten(o.skin, 0.1)}"/><stop offset="0.65" stop-color="${o.skin}"/><stop offset="1" stop-color="${darken(o.skin, 0.1)}"/></radialGradient>
<linearGradient id="cloth" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${clothLight}"/><stop offset="1" stop-color="${darken(cloth, 0.15)}"/></linearGradient>
</defs>`;
  return defs;
}
