import { inflateSync } from 'node:zlib';
import { instrumentItems, resultChartSvg, scoreAnswers } from '@resonet/core';
import { serviceQualitySelfAssessment as instrument } from '@resonet/fixtures';
import { describe, expect, it } from 'vitest';
import { card, text } from '../src/cards/adaptiveCard';
import { palettePng, svgToPng } from '../src/cards/chartImage';
import { replyActivities } from '../src/channels/botframework/activities';

/** The chunks of a PNG file, by type. */
function chunks(png: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    out.set(
      type,
      Buffer.concat([out.get(type) ?? Buffer.alloc(0), png.subarray(at + 8, at + 8 + length)]),
    );
    at += 12 + length;
  }
  return out;
}

const answers = Object.fromEntries(
  instrumentItems(instrument).map(({ item }, n) => [
    item.id,
    item.type === 'single' ? (item.options[n % item.options.length]?.value ?? '') : (n % 5) + 1,
  ]),
);
const result = {
  id: 'example-result',
  instrumentId: instrument.id,
  instrumentVersion: instrument.version,
  centreId: 'example-centre',
  respondentId: 'example-respondent',
  startedAt: '2026-12-01',
  submittedAt: '2026-12-01',
  answers,
  scores: scoreAnswers(instrument, answers),
};

describe('the results chart as a picture', () => {
  it('renders the SVG to an indexed PNG of the same size, small enough for a Teams card', () => {
    const svg = resultChartSvg(instrument, result, 'vi');
    const png = svgToPng(svg);
    expect(png).toBeDefined();
    const file = png as Buffer;
    expect(file.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
    const header = chunks(file).get('IHDR') as Buffer;
    expect(header.readUInt32BE(0)).toBe(Number(/width="(\d+)"/.exec(svg)?.[1]));
    expect(header.readUInt32BE(4)).toBe(Number(/height="(\d+)"/.exec(svg)?.[1]));
    expect(header[9]).toBe(3); // indexed colour
    // Drawn, not blank: the bars' colours are in the palette.
    const palette = chunks(file).get('PLTE') as Buffer;
    const colours = new Set<string>();
    for (let i = 0; i < palette.length; i += 3)
      colours.add(palette.subarray(i, i + 3).toString('hex'));
    expect(colours.has('c77700') || colours.has('b3261e') || colours.has('2e7d32')).toBe(true);
    expect(colours.has('ffffff')).toBe(true);
    expect(file.length * (4 / 3)).toBeLessThan(24_000);
  });

  it('writes every pixel through the palette, and gives up beyond 256 colours', () => {
    const pixels = new Uint8Array([255, 0, 0, 255, 0, 0, 255, 255, 255, 0, 0, 255, 1, 2, 3, 255]);
    const png = palettePng(pixels, 2, 2) as Buffer;
    const rows = inflateSync(chunks(png).get('IDAT') as Buffer);
    expect([...rows]).toEqual([0, 0, 1, 0, 0, 2]);
    expect(chunks(png).get('PLTE')?.toString('hex')).toBe('ff00000000ff010203');
    const many = new Uint8Array(300 * 4).map((_, i) => {
      const pixel = Math.floor(i / 4);
      return [pixel & 255, pixel >> 8, 0, 255][i % 4] ?? 0;
    });
    expect(palettePng(many, 300, 1)).toBeUndefined();
  });

  it('leaves the picture out of a Teams card that would pass Teams’ message size, not elsewhere', () => {
    const big = card([
      text('Results'),
      { type: 'Image', url: `data:image/png;base64,${'A'.repeat(30_000)}`, altText: 'Chart' },
      { type: 'FactSet', facts: [{ title: 'Scale', value: '30/50' }] },
    ]);
    const kinds = (channel: string) => {
      const [sent] = replyActivities({ text: '', card: big }, channel);
      const content = sent?.attachments?.[0]?.content as { body: { type: string }[] } | undefined;
      return content?.body.map((e) => e.type);
    };
    expect(kinds('msteams')).toEqual(['TextBlock', 'FactSet']);
    expect(kinds('webchat')).toEqual(['TextBlock', 'Image', 'FactSet']);
  });
});
