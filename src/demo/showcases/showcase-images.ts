import sharp from 'sharp';

// The demo showcases' pictures, drawn from shapes only (no text, so no font on the machine can
// change a pixel): the same SVG gives the same PNG every time, so the seed stays byte for byte
// the same.

export interface Palette {
  background: string;
  accent: string;
  detail: string;
}

function bars(p: Palette): string {
  const heights = [220, 340, 280, 460, 390, 520, 430];
  return heights
    .map(
      (h, i) =>
        `<rect x="${120 + i * 150}" y="${700 - h}" width="100" height="${h}" fill="${i % 2 ? p.accent : p.detail}"/>`,
    )
    .join('');
}

function rings(p: Palette): string {
  return [320, 240, 160, 80]
    .map(
      (r, i) =>
        `<circle cx="600" cy="400" r="${r}" fill="${i % 2 ? p.background : p.accent}" stroke="${p.detail}" stroke-width="12"/>`,
    )
    .join('');
}

function route(p: Palette): string {
  return (
    `<polyline points="100,650 300,520 420,560 600,300 820,360 1100,140" fill="none" stroke="${p.accent}" stroke-width="28" stroke-linejoin="round"/>` +
    [100, 420, 820, 1100]
      .map(
        (x, i) => `<circle cx="${x}" cy="${[650, 560, 360, 140][i]}" r="30" fill="${p.detail}"/>`,
      )
      .join('')
  );
}

export const DRAWINGS = { bars, rings, route };
export type Drawing = keyof typeof DRAWINGS;

/** A 1200x800 PNG of the drawing in the palette. */
export function demoImage(drawing: Drawing, palette: Palette): Promise<Buffer> {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800" viewBox="0 0 1200 800">` +
    `<rect width="1200" height="800" fill="${palette.background}"/>${DRAWINGS[drawing](palette)}</svg>`;
  return sharp(Buffer.from(svg)).png({ compressionLevel: 9 }).toBuffer();
}
