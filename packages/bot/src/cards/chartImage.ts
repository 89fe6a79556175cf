// The results chart as a PNG the card can show: core draws it as SVG, resvg (a maintained
// Rust renderer, prebuilt for each platform) rasterises it with Noto Sans, shipped as a
// dependency so that Vietnamese renders the same on a server without fonts. The PNG is
// written with a palette (the chart has about a hundred colours) so that, as a data URL,
// it fits inside a Teams message (about 28 KB in all).
import { createRequire } from 'node:module';
import { crc32, deflateSync } from 'node:zlib';
import { type AssessmentResult, type Instrument, resultChartSvg } from '@resonet/core';
import type { Resvg as ResvgClass } from '@resvg/resvg-js';

const require = createRequire(import.meta.url);

const FONTS = ['400Regular/NotoSans_400Regular.ttf', '700Bold/NotoSans_700Bold.ttf'].map((file) =>
  require.resolve(`@expo-google-fonts/noto-sans/${file}`),
);

let Resvg: typeof ResvgClass | null | undefined;
/** The renderer, or null where its native part is missing (the card keeps its table). */
function renderer(): typeof ResvgClass | null {
  if (Resvg === undefined) {
    try {
      Resvg = (require('@resvg/resvg-js') as { Resvg: typeof ResvgClass }).Resvg;
    } catch {
      Resvg = null;
    }
  }
  return Resvg;
}

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/**
 * RGBA pixels on an opaque background as an indexed PNG, or undefined when they hold more
 * than 256 colours.
 */
export function palettePng(pixels: Uint8Array, width: number, height: number): Buffer | undefined {
  const index = new Map<number, number>();
  const palette: number[] = [];
  const rows = Buffer.alloc(height * (width + 1));
  for (let y = 0; y < height; y++) {
    // Each row starts with its filter type: 0, none (palette images compress best so).
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 4;
      const colour =
        ((pixels[at] ?? 0) << 16) | ((pixels[at + 1] ?? 0) << 8) | (pixels[at + 2] ?? 0);
      let n = index.get(colour);
      if (n === undefined) {
        if (palette.length === 256) return undefined;
        n = palette.length;
        index.set(colour, n);
        palette.push(colour);
      }
      rows[y * (width + 1) + 1 + x] = n;
    }
  }
  const plte = Buffer.alloc(palette.length * 3);
  palette.forEach((colour, n) => {
    plte[n * 3] = colour >> 16;
    plte[n * 3 + 1] = (colour >> 8) & 255;
    plte[n * 3 + 2] = colour & 255;
  });
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per index
  header[9] = 3; // indexed colour
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('PLTE', plte),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** An SVG as PNG bytes, or undefined when the renderer is not available here. */
export function svgToPng(svg: string): Buffer | undefined {
  const Renderer = renderer();
  if (!Renderer) return undefined;
  const image = new Renderer(svg, {
    font: { fontFiles: FONTS, loadSystemFonts: false, defaultFontFamily: 'Noto Sans' },
  }).render();
  return palettePng(image.pixels, image.width, image.height) ?? Buffer.from(image.asPng());
}

// Results are shown again (my results, exports): the same picture is drawn once.
const drawn = new Map<string, string | undefined>();
const KEEP = 200;

/** A result's chart as a `data:image/png` URL for a card, or undefined without a renderer. */
export function resultChartUrl(
  instrument: Instrument,
  result: AssessmentResult,
  lang: string,
): string | undefined {
  const key = `${result.id}|${result.instrumentVersion}|${lang}`;
  if (drawn.has(key)) return drawn.get(key);
  const png = svgToPng(resultChartSvg(instrument, result, lang));
  const url = png && `data:image/png;base64,${png.toString('base64')}`;
  if (drawn.size >= KEEP) drawn.delete(drawn.keys().next().value as string);
  drawn.set(key, url);
  return url;
}
