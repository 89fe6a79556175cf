// The two Teams app icons, drawn in code: a small network (a hub joined to six centres that are
// joined in a ring) for "a network of resource centres".
//  - color.png: 192×192, full-bleed accent background, white mark, opaque.
//  - outline.png: 32×32, white mark on a transparent background, as Teams requires: every
//    pixel is white and only its alpha varies (0 outside the mark, partial on its edges).
import type { Image } from './png';

/** The app's accent colour; also the background of the colour icon. */
export const ACCENT_COLOR = '#0F6E7A';

interface Mark {
  /** Distance from the centre to the outer nodes, in pixels. */
  ring: number;
  hubRadius: number;
  nodeRadius: number;
  /** Line width, in pixels. */
  line: number;
}

type Point = readonly [number, number];

function distanceToSegment([px, py]: Point, [ax, ay]: Point, [bx, by]: Point): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/**
 * How much of the pixel whose centre is `p` the mark covers, 0…1. Shapes are measured by
 * distance, so edges get one pixel of anti-aliasing.
 */
function coverage(p: Point, size: number, mark: Mark): number {
  const c = size / 2;
  const hub: Point = [c, c];
  const nodes: Point[] = Array.from({ length: 6 }, (_, i) => {
    const angle = -Math.PI / 2 + (i * Math.PI) / 3;
    return [c + mark.ring * Math.cos(angle), c + mark.ring * Math.sin(angle)];
  });
  const cover = (distance: number, radius: number) =>
    Math.max(0, Math.min(1, radius + 0.5 - distance));
  let best = cover(Math.hypot(p[0] - c, p[1] - c), mark.hubRadius);
  nodes.forEach((node, i) => {
    const next = nodes[(i + 1) % nodes.length]!;
    best = Math.max(
      best,
      cover(Math.hypot(p[0] - node[0], p[1] - node[1]), mark.nodeRadius),
      cover(distanceToSegment(p, hub, node), mark.line / 2),
      cover(distanceToSegment(p, node, next), mark.line / 2),
    );
  });
  return best;
}

function hexColor(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
}

/** The 192×192 colour icon. */
export function colorIcon(colour: string = ACCENT_COLOR): Image {
  const size = 192;
  // The mark spans about 114 px, well inside the icon with room for Teams' rounded corners.
  const mark: Mark = { ring: 46, hubRadius: 14, nodeRadius: 11, line: 6 };
  const background = hexColor(colour);
  const data = new Uint8Array(size * size * 3);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const a = coverage([x + 0.5, y + 0.5], size, mark);
      const i = (y * size + x) * 3;
      for (let k = 0; k < 3; k++) data[i + k] = Math.round(background[k]! * (1 - a) + 255 * a);
    }
  }
  return { width: size, height: size, channels: 3, data };
}

/** The 32×32 outline icon: white on transparent. */
export function outlineIcon(): Image {
  const size = 32;
  const mark: Mark = { ring: 11.5, hubRadius: 3, nodeRadius: 2.5, line: 1.5 };
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const alpha = Math.round(coverage([x + 0.5, y + 0.5], size, mark) * 255);
      const i = (y * size + x) * 4;
      // Every pixel is pure white, transparent ones included: only the alpha channel varies.
      data.set([255, 255, 255, alpha], i);
    }
  }
  return { width: size, height: size, channels: 4, data };
}
