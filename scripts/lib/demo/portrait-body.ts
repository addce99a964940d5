/**
 * The body of a portrait, back to front: background, hair behind the head, clothing, neck, hair
 * over the shoulders and ears. Each part draws only from the portrait's numbers.
 */
import { darken, f } from './colour.ts';
import { BOTTOM, CX, H, W, type Portrait, type Push } from './portrait-geometry.ts';

/** The background, a soft vignette, and a few loose pencil strokes. */
export function drawBackground(p: Portrait, push: Push): void {
  const { o, rand } = p;
  push(`<rect width="${W}" height="${H}" fill="url(#bg)"/>`);
  push(`<rect width="${W}" height="${H}" fill="url(#vignette)"/>`);
  // A few loose pencil strokes in the background, as on an illustration board.
  for (let i = 0; i < 5; i++) {
    const x = 60 + rand() * 1080;
    const y = 120 + rand() * 1100;
    const len = 120 + rand() * 200;
    const a = -0.6 + rand() * 0.3;
    push(
      `<path d="M${f(x)} ${f(y)} l${f(Math.cos(a) * len)} ${f(Math.sin(a) * len)}" stroke="${darken(o.background[1], 0.12)}" stroke-width="5" stroke-linecap="round" opacity="0.35"/>`,
    );
  }
}

/** Hair (or a headscarf) behind the head. */
export function drawBackHair(p: Portrait, push: Push): void {
  const { o, rx, ry, cy, shoulderY, sw, hair, hairDark, hairLight, style, longHair, hx, hy } = p;
  if (longHair) {
    const low = shoulderY + 20;
    push(
      `<path d="M${f(CX - hx * 1.06)} ${f(cy)} A${f(hx * 1.06)} ${f(hy * 1.04)} 0 0 1 ${f(CX + hx * 1.06)} ${f(cy)} L${f(CX + hx * 1.12)} ${f(low)} L${f(CX - hx * 1.12)} ${f(low)} Z" fill="${hairDark}"/>`,
    );
  } else if (style === 'afro') {
    drawAfroBack(p, push);
  } else if (style === 'ponytail') {
    push(
      `<path d="M${f(CX + rx * 0.4)} ${f(cy - ry * 0.8)} C${f(CX + rx * 1.3)} ${f(cy - ry * 0.75)} ${f(CX + rx * 1.45)} ${f(cy + ry * 0.2)} ${f(CX + rx * 1.12)} ${f(cy + ry * 1.0)} C${f(CX + rx * 1.05)} ${f(cy + ry * 0.5)} ${f(CX + rx * 0.95)} ${f(cy - ry * 0.1)} ${f(CX + rx * 0.5)} ${f(cy - ry * 0.4)} Z" fill="${hair}" stroke="${hairDark}" stroke-width="4"/>`,
    );
  } else if (style === 'bun') {
    push(
      `<circle cx="${CX}" cy="${f(cy - ry * 1.02)}" r="${f(rx * 0.42)}" fill="${hair}" stroke="${hairDark}" stroke-width="5"/>`,
    );
    push(
      `<path d="M${f(CX - rx * 0.3)} ${f(cy - ry * 1.08)} Q${CX} ${f(cy - ry * 1.25)} ${f(CX + rx * 0.3)} ${f(cy - ry * 1.02)}" fill="none" stroke="${hairLight}" stroke-width="6" opacity="0.6"/>`,
    );
  } else if (style === 'braids') {
    push(
      `<path d="M${f(CX - hx)} ${f(cy)} A${f(hx)} ${f(hy)} 0 0 1 ${f(CX + hx)} ${f(cy)} L${f(CX + hx)} ${f(shoulderY)} L${f(CX - hx)} ${f(shoulderY)} Z" fill="${hairDark}"/>`,
    );
  } else if (style === 'headscarf') {
    const sc = o.scarfColour;
    push(
      `<path d="M${f(CX - rx * 1.26)} ${f(cy)} A${f(rx * 1.26)} ${f(ry * 1.2)} 0 0 1 ${f(CX + rx * 1.26)} ${f(cy)} L${f(CX + rx * 1.34)} ${f(shoulderY + 40)} Q${f(CX + sw * 0.62)} ${f(shoulderY + 190)} ${CX} ${f(shoulderY + 240)} Q${f(CX - sw * 0.62)} ${f(shoulderY + 190)} ${f(CX - rx * 1.34)} ${f(shoulderY + 40)} Z" fill="${sc}" stroke="${darken(sc, 0.3)}" stroke-width="5"/>`,
    );
  }
}

/** An afro: a round mass, a curly edge and loose curls drawn from the seed. */
function drawAfroBack(p: Portrait, push: Push): void {
  const { o, rand, rx, ry, cy, hair, hairLight } = p;
  const ar = rx * (o.sex === 'female' ? 1.45 : 1.28);
  const ay = cy - ry * 0.22;
  push(`<ellipse cx="${CX}" cy="${f(ay)}" rx="${f(ar)}" ry="${f(ar * 0.95)}" fill="${hair}"/>`);
  for (let a = 0; a < 360; a += 20) {
    const r = (a * Math.PI) / 180;
    push(
      `<circle cx="${f(CX + Math.cos(r) * ar * 0.93)}" cy="${f(ay + Math.sin(r) * ar * 0.88)}" r="${f(rx * 0.2)}" fill="${hair}"/>`,
    );
  }
  for (let i = 0; i < 40; i++) {
    const r = rand() * Math.PI * 2;
    const d = rand() * ar * 0.9;
    push(
      `<circle cx="${f(CX + Math.cos(r) * d)}" cy="${f(ay + Math.sin(r) * d * 0.95)}" r="${f(10 + rand() * 14)}" fill="none" stroke="${hairLight}" stroke-width="4" opacity="0.45"/>`,
    );
  }
}

/** Torso and clothing. */
export function drawClothing(p: Portrait, push: Push): void {
  const { o, shoulderY, sw, neckW, cloth, clothDark, style, top } = p;
  push(
    `<path d="M${f(CX - sw)} ${BOTTOM} L${f(CX - sw)} ${f(shoulderY + 150)} Q${f(CX - sw)} ${f(shoulderY)} ${f(CX - sw + 170)} ${f(top)} L${f(CX + sw - 170)} ${f(top)} Q${f(CX + sw)} ${f(shoulderY)} ${f(CX + sw)} ${f(shoulderY + 150)} L${f(CX + sw)} ${BOTTOM} Z" fill="url(#cloth)" stroke="${clothDark}" stroke-width="5"/>`,
  );
  // Suggestion of arms.
  for (const side of [-1, 1]) {
    const x = CX + side * (sw - 105);
    push(
      `<path d="M${f(x)} ${f(shoulderY + 120)} Q${f(x - side * 12)} ${f(shoulderY + 260)} ${f(x - side * 4)} ${BOTTOM}" fill="none" stroke="${clothDark}" stroke-width="6" opacity="0.6"/>`,
    );
  }
  if (o.garment === 'puffer') {
    for (let y = shoulderY + 70; y < BOTTOM; y += 85) {
      push(
        `<path d="M${f(CX - sw + 8)} ${f(y)} Q${CX} ${f(y + 22)} ${f(CX + sw - 8)} ${f(y)}" fill="none" stroke="${clothDark}" stroke-width="5" opacity="0.7"/>`,
      );
    }
    push(
      `<line x1="${CX}" y1="${f(top + 40)}" x2="${CX}" y2="${BOTTOM}" stroke="${clothDark}" stroke-width="6"/>`,
    );
  }
  if (o.garment === 'hoodie' && style !== 'headscarf') {
    push(`<ellipse cx="${CX}" cy="${f(top + 10)}" rx="${f(neckW + 120)}" ry="80" fill="${clothDark}"/>`);
    push(
      `<ellipse cx="${CX}" cy="${f(top + 18)}" rx="${f(neckW + 70)}" ry="52" fill="${darken(cloth, 0.45)}"/>`,
    );
  }
}

/** Neck, with the neckline cut into the clothing. */
export function drawNeck(p: Portrait, push: Push): void {
  const { o, ry, cy, chinY, neckW, top } = p;
  if (p.style === 'headscarf') return;
  const dip = o.garment === 'school-blazer' || o.garment === 'polo' ? 95 : o.garment === 'puffer' ? 10 : 55;
  push(
    `<path d="M${f(CX - neckW)} ${f(cy + ry * 0.45)} L${f(CX - neckW)} ${f(top + 4)} Q${CX} ${f(top + dip * 1.5)} ${f(CX + neckW)} ${f(top + 4)} L${f(CX + neckW)} ${f(cy + ry * 0.45)} Z" fill="${darken(o.skin, 0.06)}"/>`,
  );
  push(
    `<ellipse cx="${CX}" cy="${f(chinY + 12)}" rx="${f(neckW * 1.05)}" ry="34" fill="${darken(o.skin, 0.2)}" opacity="0.55"/>`,
  );
  const neckline = `M${f(CX - neckW - 6)} ${f(top + 2)} Q${CX} ${f(top + dip * 1.5 + 8)} ${f(CX + neckW + 6)} ${f(top + 2)}`;
  drawCollar(p, push, neckline);
}

/** What each garment shows at the neck. */
function drawCollar(p: Portrait, push: Push, neckline: string): void {
  const { o, neckW, cloth, clothDark, clothLight, top } = p;
  if (o.garment === 'school-blazer') drawBlazerFront(p, push);
  else if (o.garment === 'polo') drawPoloCollar(p, push, neckline);
  else if (o.garment === 'puffer') {
    push(
      `<rect x="${f(CX - neckW - 40)}" y="${f(top - 40)}" width="${f(2 * neckW + 80)}" height="90" rx="40" fill="${cloth}" stroke="${clothDark}" stroke-width="5"/>`,
    );
  } else {
    push(
      `<path d="${neckline}" fill="none" stroke="${clothDark}" stroke-width="${o.garment === 'jumper' ? 18 : 9}"/>`,
    );
    if (o.garment === 'hoodie') {
      push(
        `<path d="M${f(CX - 40)} ${f(top + 60)} l-6 170 M${f(CX + 40)} ${f(top + 60)} l6 170" stroke="${clothLight}" stroke-width="7" stroke-linecap="round"/>`,
      );
    }
  }
}

/** Shirt, tie and lapels. */
function drawBlazerFront(p: Portrait, push: Push): void {
  const { neckW, cloth, clothDark, top } = p;
  push(
    `<path d="M${f(CX - neckW - 20)} ${f(top)} L${CX} ${f(top + 230)} L${f(CX + neckW + 20)} ${f(top)} L${f(CX + neckW + 70)} ${f(top + 10)} L${CX} ${f(top + 330)} L${f(CX - neckW - 70)} ${f(top + 10)} Z" fill="#f4f4f2" stroke="#c9c9c4" stroke-width="4"/>`,
  );
  push(
    `<path d="M${f(CX - 22)} ${f(top + 110)} L${f(CX + 22)} ${f(top + 110)} L${f(CX + 34)} ${f(top + 300)} L${CX} ${f(top + 340)} L${f(CX - 34)} ${f(top + 300)} Z" fill="${darken(cloth, 0.1)}" stroke="${clothDark}" stroke-width="3"/>`,
  );
  push(
    `<path d="M${f(CX - 18)} ${f(top + 150)} L${f(CX + 28)} ${f(top + 190)} M${f(CX - 26)} ${f(top + 230)} L${f(CX + 30)} ${f(top + 270)}" stroke="#d9c36a" stroke-width="8"/>`,
  );
  for (const side of [-1, 1]) {
    push(
      `<path d="M${f(CX + side * (neckW + 70))} ${f(top + 10)} L${f(CX + side * 12)} ${f(top + 340)} L${f(CX + side * 12)} ${BOTTOM} L${f(CX + side * (neckW + 150))} ${BOTTOM} L${f(CX + side * (neckW + 150))} ${f(top + 330)} L${f(CX + side * (neckW + 110))} ${f(top + 260)} Z" fill="${darken(cloth, 0.12)}" stroke="${clothDark}" stroke-width="4"/>`,
    );
  }
}

function drawPoloCollar(p: Portrait, push: Push, neckline: string): void {
  const { neckW, clothDark, clothLight, top } = p;
  push(`<path d="${neckline}" fill="none" stroke="${clothLight}" stroke-width="10"/>`);
  for (const side of [-1, 1]) {
    push(
      `<path d="M${f(CX + side * (neckW + 6))} ${f(top)} L${f(CX + side * 8)} ${f(top + 140)} L${f(CX + side * (neckW + 70))} ${f(top + 70)} Z" fill="${clothLight}" stroke="${clothDark}" stroke-width="4"/>`,
    );
  }
  push(
    `<circle cx="${CX}" cy="${f(top + 180)}" r="7" fill="${clothDark}"/><circle cx="${CX}" cy="${f(top + 225)}" r="7" fill="${clothDark}"/>`,
  );
}

/** Long hair falls in front of the shoulders; braids hang in strands. */
export function drawHairOverShoulders(p: Portrait, push: Push): void {
  const { o, rx, ry, cy, shoulderY, hair, hairDark, hairLight, style, longHair, hx } = p;
  if (longHair) {
    const end = shoulderY + (o.sex === 'female' ? 280 : 120);
    for (const side of [-1, 1]) {
      push(
        `<path d="M${f(CX + side * hx)} ${f(cy - ry * 0.1)} Q${f(CX + side * hx * 1.15)} ${f(cy + ry)} ${f(CX + side * rx * 0.98)} ${f(end)} L${f(CX + side * rx * 0.55)} ${f(end - 20)} Q${f(CX + side * rx * 0.8)} ${f(cy + ry * 0.7)} ${f(CX + side * rx * 0.82)} ${f(cy - ry * 0.1)} Z" fill="${hair}" stroke="${hairDark}" stroke-width="4"/>`,
      );
      for (let k = 0; k < 3; k++) {
        const x0 = CX + side * rx * (0.88 + 0.08 * k);
        push(
          `<path d="M${f(x0)} ${f(cy + ry * 0.3)} Q${f(x0 + side * 20)} ${f(cy + ry * 0.9)} ${f(x0 - side * 10)} ${f(end - 40)}" fill="none" stroke="${hairLight}" stroke-width="4" opacity="0.5"/>`,
        );
      }
    }
  } else if (style === 'braids') {
    const end = shoulderY + 300;
    for (const side of [-1, 1]) {
      for (const off of [0.86, 1.02]) {
        for (let y = cy - ry * 0.1; y < end; y += 34) {
          const x = CX + side * rx * off + Math.sin(y / 50) * 3;
          push(
            `<ellipse cx="${f(x)}" cy="${f(y)}" rx="21" ry="22" fill="${hair}" stroke="${hairDark}" stroke-width="4"/>`,
          );
        }
      }
    }
  }
}

/** Ears, unless hair or a headscarf hides them. */
export function drawEars(p: Portrait, push: Push): void {
  const { o, rx, ry, eyeY, skinLine, earsHidden } = p;
  if (!earsHidden) {
    for (const side of [-1, 1]) {
      const ex = CX + side * rx * 0.97;
      const ey = eyeY + ry * 0.08;
      push(
        `<ellipse cx="${f(ex)}" cy="${f(ey)}" rx="${f(rx * 0.14)}" ry="${f(ry * 0.19)}" fill="${o.skin}" stroke="${skinLine}" stroke-width="4"/>`,
      );
      push(
        `<path d="M${f(ex + side * 8)} ${f(ey - 30)} Q${f(ex - side * 10)} ${f(ey)} ${f(ex + side * 6)} ${f(ey + 28)}" fill="none" stroke="${skinLine}" stroke-width="4" opacity="0.6"/>`,
      );
      if (o.earrings)
        push(
          `<circle cx="${f(ex + side * 4)}" cy="${f(ey + ry * 0.17)}" r="8" fill="#d7b44a" stroke="#8f7420" stroke-width="2"/>`,
        );
    }
  }
}
