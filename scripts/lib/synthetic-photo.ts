import sharp from 'sharp';

// One noise field, drawn once per size and cut at a different offset for each photo: drawing and
// compressing fresh noise for every photo made 1,000 appeals take a quarter of an hour to write.
const noiseFields = new Map<string, Promise<{ data: Buffer; width: number; height: number }>>();
const MARGIN = 256;

function noiseField(width: number, height: number) {
  const key = `${width}x${height}`;
  let field = noiseFields.get(key);
  if (!field) {
    const w = width + MARGIN;
    const h = height + MARGIN;
    field = sharp({
      create: {
        width: w,
        height: h,
        channels: 3,
        background: '#808080',
        noise: { type: 'gaussian', mean: 128, sigma: 32 },
      },
    })
      .raw()
      .toBuffer()
      .then((data) => ({ data, width: w, height: h }));
    noiseFields.set(key, field);
  }
  return field;
}

/**
 * A photo-like 1200×1600 JPEG of about 300 kB for benchmarks: film-grain noise under soft
 * shapes, so encoders work as hard as on real photos. Drawn from numbers; never a real person.
 */
export async function syntheticPhotoJpeg(seed: number, width = 1200, height = 1600): Promise<Buffer> {
  const hue = (seed * 67) % 360;
  const shapes = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue},45%,70%)" stop-opacity=".75"/><stop offset="1" stop-color="hsl(${(hue + 90) % 360},40%,30%)" stop-opacity=".75"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/>
    <ellipse cx="${width / 2}" cy="${height * 0.38}" rx="${width * 0.24}" ry="${height * 0.21}" fill="hsl(${20 + (seed % 20)},45%,${45 + (seed % 30)}%)" fill-opacity=".8"/>
    <rect x="${width * 0.16}" y="${height * 0.6}" width="${width * 0.68}" height="${height * 0.45}" rx="120" fill="hsl(${(hue + 180) % 360},50%,35%)" fill-opacity=".8"/>
    <text x="40" y="${height - 40}" font-family="sans-serif" font-size="40" fill="#fff">SYNTHETIC BENCHMARK IMAGE ${seed}</text>
  </svg>`;
  const field = await noiseField(width, height);
  const noise = sharp(field.data, { raw: { width: field.width, height: field.height, channels: 3 } }).extract(
    {
      left: (seed * 37) % MARGIN,
      top: (seed * 53) % MARGIN,
      width,
      height,
    },
  );
  const grain = await noise.raw().toBuffer();
  return sharp(grain, { raw: { width, height, channels: 3 } })
    .composite([{ input: Buffer.from(shapes) }])
    .jpeg({ quality: 88 })
    .toBuffer();
}
