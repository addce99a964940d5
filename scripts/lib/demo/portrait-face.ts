/**
 * The face of a portrait, back to front: head, cheeks, eyes, nose and mouth, the hair in front,
 * glasses. Each part draws only from the portrait's numbers.
 */
import { darken, f, lighten, mix } from './colour.ts';
import { CX, type Portrait, type Push } from './portrait-geometry.ts';

/** The head. */
export function drawHead(p: Portrait, push: Push): void {
  const { rx, ry, cy, jaw, skinLine } = p;
  push(
    `<path d="M${f(CX - rx)} ${f(cy)} C${f(CX - rx)} ${f(cy - ry * 0.55)} ${f(CX - rx * 0.55)} ${f(cy - ry)} ${CX} ${f(cy - ry)} ` +
      `C${f(CX + rx * 0.55)} ${f(cy - ry)} ${f(CX + rx)} ${f(cy - ry * 0.55)} ${f(CX + rx)} ${f(cy)} ` +
      `C${f(CX + rx)} ${f(cy + ry * 0.55)} ${f(CX + rx * jaw)} ${f(cy + ry)} ${CX} ${f(cy + ry)} ` +
      `C${f(CX - rx * jaw)} ${f(cy + ry)} ${f(CX - rx)} ${f(cy + ry * 0.55)} ${f(CX - rx)} ${f(cy)} Z" fill="url(#skin)" stroke="${skinLine}" stroke-width="4"/>`,
  );
}

/** Cheeks, the lines of an older face, freckles and a mole. */
export function drawCheeks(p: Portrait, push: Push): void {
  const { o, rand, t, rx, ry, eyeY, noseY, mouthY } = p;
  for (const side of [-1, 1]) {
    push(
      `<ellipse cx="${f(CX + side * rx * 0.55)}" cy="${f(mouthY - 35)}" rx="48" ry="34" fill="#e0705f" opacity="${f(0.1 + 0.08 * (1 - Math.min(1, t)))}"/>`,
    );
  }
  if (t > 0.6) {
    for (const side of [-1, 1]) {
      push(
        `<path d="M${f(CX + side * rx * 0.78)} ${f(eyeY + ry * 0.2)} Q${f(CX + side * rx * 0.72)} ${f(noseY + ry * 0.12)} ${f(CX + side * rx * 0.5)} ${f(mouthY + ry * 0.05)}" fill="none" stroke="${darken(o.skin, 0.18)}" stroke-width="5" stroke-linecap="round" opacity="${f(Math.min(0.3, (t - 0.6) * 0.6))}"/>`,
      );
    }
  }
  if (o.freckles) {
    for (let i = 0; i < 34; i++) {
      const side = i % 2 === 0 ? -1 : 1;
      const x = CX + side * (25 + rand() * rx * 0.55);
      const y = noseY - 55 + rand() * 70;
      push(
        `<circle cx="${f(x)}" cy="${f(y)}" r="${f(2.5 + rand() * 2.5)}" fill="${darken(o.skin, 0.3)}" opacity="0.7"/>`,
      );
    }
  }
  if (o.mole)
    push(`<circle cx="${f(CX - rx * 0.5)}" cy="${f(noseY + 25)}" r="6" fill="${darken(o.skin, 0.45)}"/>`);
}

/** Eyes, brows, and a scar above the left brow. */
export function drawEyes(p: Portrait, push: Push): void {
  const { o, t, eyeY, eyeDX, eyeRX, eyeRY, skinLine, hair } = p;
  for (const side of [-1, 1]) {
    const ex = CX + side * eyeDX;
    const ir = eyeRY * 0.92;
    push(
      `<ellipse cx="${f(ex)}" cy="${f(eyeY)}" rx="${f(eyeRX)}" ry="${f(eyeRY)}" fill="#fbfaf6" stroke="${skinLine}" stroke-width="3"/>`,
    );
    push(`<circle cx="${f(ex)}" cy="${f(eyeY + 1)}" r="${f(ir)}" fill="${o.eyeColour}"/>`);
    push(`<circle cx="${f(ex)}" cy="${f(eyeY + 1)}" r="${f(ir * 0.45)}" fill="#141010"/>`);
    push(`<circle cx="${f(ex + ir * 0.3)}" cy="${f(eyeY - ir * 0.35)}" r="${f(ir * 0.24)}" fill="#ffffff"/>`);
    push(
      `<path d="M${f(ex - eyeRX * 1.05)} ${f(eyeY + 2)} Q${f(ex)} ${f(eyeY - eyeRY * 1.9)} ${f(ex + eyeRX * 1.05)} ${f(eyeY + 2)}" fill="none" stroke="#2a1d17" stroke-width="5" stroke-linecap="round"/>`,
    );
    const by = eyeY - eyeRY - 30 + 4 * t;
    push(
      `<path d="M${f(ex - side * eyeRX * 1.1)} ${f(by + 4)} Q${f(ex)} ${f(by - 20)} ${f(ex + side * eyeRX * 1.15)} ${f(by + 8)}" fill="none" stroke="${darken(hair, 0.12)}" stroke-width="${f(10 + 2 * t)}" stroke-linecap="round"/>`,
    );
  }
  if (o.scar) {
    const ex = CX + eyeDX;
    push(
      `<path d="M${f(ex + 6)} ${f(eyeY - eyeRY - 64)} l16 22" stroke="${lighten(o.skin, 0.35)}" stroke-width="5" stroke-linecap="round"/>`,
    );
  }
}

/** Nose and mouth; the mouth draws its width and smile from the seed. */
export function drawNoseAndMouth(p: Portrait, push: Push): void {
  const { o, rand, t, eyeY, noseY, mouthY, skinLine } = p;
  push(
    `<path d="M${f(CX - 4)} ${f(eyeY + 15)} Q${f(CX - 14)} ${f(noseY - 30)} ${f(CX - 8)} ${f(noseY - 12)}" fill="none" stroke="${skinLine}" stroke-width="4" opacity="0.45" stroke-linecap="round"/>`,
  );
  push(
    `<path d="M${f(CX - 26)} ${f(noseY + 2)} Q${CX} ${f(noseY + 22)} ${f(CX + 26)} ${f(noseY + 2)}" fill="none" stroke="${skinLine}" stroke-width="6" stroke-linecap="round"/>`,
  );
  const mw = 54 + 10 * t + rand() * 10;
  const smile = 10 + rand() * 18;
  const lip = mix(o.skin, '#a2423f', 0.55);
  push(
    `<path d="M${f(CX - mw)} ${f(mouthY)} Q${CX} ${f(mouthY + smile)} ${f(CX + mw)} ${f(mouthY)}" fill="none" stroke="${lip}" stroke-width="9" stroke-linecap="round"/>`,
  );
  push(
    `<path d="M${f(CX - mw * 0.45)} ${f(mouthY + smile * 0.6 + 18)} Q${CX} ${f(mouthY + smile * 0.6 + 28)} ${f(CX + mw * 0.45)} ${f(mouthY + smile * 0.6 + 18)}" fill="none" stroke="${lip}" stroke-width="5" stroke-linecap="round" opacity="0.45"/>`,
  );
}

/** Hair in front: the cap and hairline, or the front of a headscarf. */
export function drawHairInFront(p: Portrait, push: Push): void {
  if (p.style === 'headscarf') drawScarfFront(p, push);
  else {
    drawHairCap(p, push);
    drawCapTexture(p, push);
  }
}

function drawScarfFront(p: Portrait, push: Push): void {
  const { o, rx, ry, cy } = p;
  const sc = o.scarfColour;
  push(
    `<path d="M${f(CX - rx * 1.22)} ${f(cy + ry * 0.95)} L${f(CX - rx * 1.22)} ${f(cy)} A${f(rx * 1.22)} ${f(ry * 1.16)} 0 0 1 ${f(CX + rx * 1.22)} ${f(cy)} L${f(CX + rx * 1.22)} ${f(cy + ry * 0.95)} ` +
      `L${f(CX + rx * 0.86)} ${f(cy + ry * 0.72)} Q${f(CX + rx * 0.98)} ${f(cy - ry * 0.3)} ${f(CX + rx * 0.5)} ${f(cy - ry * 0.6)} Q${CX} ${f(cy - ry * 0.74)} ${f(CX - rx * 0.5)} ${f(cy - ry * 0.6)} ` +
      `Q${f(CX - rx * 0.98)} ${f(cy - ry * 0.3)} ${f(CX - rx * 0.86)} ${f(cy + ry * 0.72)} Z" fill="${sc}" stroke="${darken(sc, 0.3)}" stroke-width="5"/>`,
  );
  push(
    `<path d="M${f(CX - rx * 0.9)} ${f(cy - ry * 0.62)} Q${CX} ${f(cy - ry * 1.0)} ${f(CX + rx * 0.9)} ${f(cy - ry * 0.62)}" fill="none" stroke="${lighten(sc, 0.2)}" stroke-width="6" opacity="0.6"/>`,
  );
}

function drawHairCap(p: Portrait, push: Push): void {
  const { rx, ry, cy, hair, hairDark, style, longHair, hx, hy } = p;
  const sideDrop =
    longHair || style === 'braids' ? 0.38 : style === 'ponytail' || style === 'bun' ? 0.12 : 0.02;
  const inner = rx * 0.93;
  const start = `M${f(CX - hx)} ${f(cy + ry * sideDrop)} L${f(CX - hx)} ${f(cy)} A${f(hx)} ${f(hy)} 0 0 1 ${f(CX + hx)} ${f(cy)} L${f(CX + hx)} ${f(cy + ry * sideDrop)} L${f(CX + inner)} ${f(cy + ry * sideDrop)}`;
  const end = `L${f(CX - inner)} ${f(cy + ry * sideDrop)} Z`;
  push(
    `<path d="${start} ${hairlinePath(p, sideDrop, inner)} ${end}" fill="${hair}" stroke="${hairDark}" stroke-width="4" stroke-linejoin="round"/>`,
  );
}

/** The hairline of each style, between the two sides of the cap. */
function hairlinePath(p: Portrait, sideDrop: number, inner: number): string {
  const { rx, ry, cy, style } = p;
  let hairline = '';
  switch (style) {
    case 'crop':
    case 'short':
    case 'curly-short': {
      const h = style === 'crop' ? 0.62 : 0.52;
      hairline = `L${f(CX + inner)} ${f(cy - ry * 0.2)} Q${f(CX + rx * 0.85)} ${f(cy - ry * h)} ${f(CX + rx * 0.35)} ${f(cy - ry * (h + 0.04))} Q${CX} ${f(cy - ry * (h + 0.1))} ${f(CX - rx * 0.35)} ${f(cy - ry * (h + 0.04))} Q${f(CX - rx * 0.85)} ${f(cy - ry * h)} ${f(CX - inner)} ${f(cy - ry * 0.2)}`;
      break;
    }
    case 'side-part':
      hairline = `Q${f(CX + rx * 0.9)} ${f(cy - ry * 0.35)} ${f(CX + rx * 0.45)} ${f(cy - ry * 0.42)} Q${f(CX - rx * 0.1)} ${f(cy - ry * 0.5)} ${f(CX - rx * 0.5)} ${f(cy - ry * 0.35)} Q${f(CX - rx * 0.85)} ${f(cy - ry * 0.25)} ${f(CX - inner)} ${f(cy - ry * 0.05)}`;
      break;
    case 'fringe-long': {
      const y = cy - ry * 0.3;
      const steps = 7;
      hairline = `L${f(CX + inner)} ${f(y)}`;
      for (let i = 1; i <= steps; i++) {
        const x0 = CX + inner - ((2 * inner) / steps) * (i - 0.5);
        const x1 = CX + inner - ((2 * inner) / steps) * i;
        hairline += ` Q${f(x0)} ${f(y + 26)} ${f(x1)} ${f(y)}`;
      }
      break;
    }
    case 'long':
      hairline = `Q${f(CX + rx * 0.75)} ${f(cy - ry * 0.35)} ${f(CX + rx * 0.25)} ${f(cy - ry * 0.6)} Q${f(CX + 10)} ${f(cy - ry * 0.72)} ${CX} ${f(cy - ry * 0.8)} Q${f(CX - 10)} ${f(cy - ry * 0.72)} ${f(CX - rx * 0.25)} ${f(cy - ry * 0.6)} Q${f(CX - rx * 0.75)} ${f(cy - ry * 0.35)} ${f(CX - inner)} ${f(cy + ry * sideDrop)}`;
      break;
    case 'ponytail':
    case 'bun':
    case 'braids':
    case 'afro':
      hairline = `L${f(CX + inner)} ${f(cy - ry * 0.15)} Q${f(CX + rx * 0.8)} ${f(cy - ry * 0.62)} ${f(CX + rx * 0.3)} ${f(cy - ry * 0.7)} Q${CX} ${f(cy - ry * 0.76)} ${f(CX - rx * 0.3)} ${f(cy - ry * 0.7)} Q${f(CX - rx * 0.8)} ${f(cy - ry * 0.62)} ${f(CX - inner)} ${f(cy - ry * 0.15)}`;
      break;
    case 'headscarf':
      break;
  }
  return hairline;
}

/** Curls, or strands that give the cap a drawn texture. */
function drawCapTexture(p: Portrait, push: Push): void {
  const { rand, rx, ry, cy, hair, hairLight, style, hx, hy } = p;
  if (style === 'curly-short' || style === 'afro') {
    for (let a = 185; a <= 355; a += 12) {
      const r = (a * Math.PI) / 180;
      push(
        `<circle cx="${f(CX + Math.cos(r) * hx * 0.98)}" cy="${f(cy + Math.sin(r) * hy * 0.98)}" r="${f(rx * 0.17)}" fill="${hair}"/>`,
      );
    }
    for (let i = 0; i < 26; i++) {
      const a = Math.PI * (1.1 + rand() * 0.8);
      const d = 0.75 + rand() * 0.25;
      push(
        `<circle cx="${f(CX + Math.cos(a) * hx * d)}" cy="${f(cy + Math.sin(a) * hy * d)}" r="${f(8 + rand() * 10)}" fill="none" stroke="${hairLight}" stroke-width="4" opacity="0.5"/>`,
      );
    }
  } else {
    // Strands give the cap a drawn texture.
    for (let i = 0; i < 9; i++) {
      const dx = -rx * 0.6 + (rx * 1.2 * i) / 8;
      const y0 = cy - hy * Math.sqrt(1 - (dx / hx) ** 2) + 14;
      push(
        `<path d="M${f(CX + dx)} ${f(y0)} Q${f(CX + dx * 1.2)} ${f(y0 + ry * 0.15)} ${f(CX + dx * 1.35)} ${f(y0 + ry * 0.3)}" fill="none" stroke="${hairLight}" stroke-width="4" opacity="0.45"/>`,
      );
    }
  }
}

/** Glasses sit on top of everything on the face. */
export function drawGlasses(p: Portrait, push: Push): void {
  const { o, rx, eyeY, eyeDX, eyeRX } = p;
  if (o.glasses) {
    const gr = eyeRX * 1.55;
    for (const side of [-1, 1]) {
      push(
        `<rect x="${f(CX + side * eyeDX - gr)}" y="${f(eyeY - gr * 0.72)}" width="${f(gr * 2)}" height="${f(gr * 1.44)}" rx="${f(gr * 0.5)}" fill="#ffffff" fill-opacity="0.08" stroke="#23201f" stroke-width="9"/>`,
      );
      push(
        `<path d="M${f(CX + side * (eyeDX + gr))} ${f(eyeY - 8)} L${f(CX + side * rx * 0.98)} ${f(eyeY - 14)}" stroke="#23201f" stroke-width="8"/>`,
      );
    }
    push(
      `<path d="M${f(CX - eyeDX + gr)} ${f(eyeY - 6)} Q${CX} ${f(eyeY - 26)} ${f(CX + eyeDX - gr)} ${f(eyeY - 6)}" fill="none" stroke="#23201f" stroke-width="8"/>`,
    );
  }
}
