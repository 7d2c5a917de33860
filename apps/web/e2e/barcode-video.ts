import { writeFileSync } from 'node:fs';

/**
 * A fake camera for Chromium (`--use-file-for-fake-video-capture`): a Y4M video of an EAN-13 barcode drawn in
 * code — black bars on white, quiet zones, 4 px per module — so the scanner reads a real image, not a mock.
 */

const L = [
  '0001101',
  '0011001',
  '0010011',
  '0111101',
  '0100011',
  '0110001',
  '0101111',
  '0111011',
  '0110111',
  '0001011',
];
const G = [
  '0100111',
  '0110011',
  '0011011',
  '0100001',
  '0011101',
  '0111001',
  '0000101',
  '0010001',
  '0001001',
  '0010111',
];
const R = [
  '1110010',
  '1100110',
  '1101100',
  '1000010',
  '1011100',
  '1001110',
  '1010000',
  '1000100',
  '1001000',
  '1110100',
];
const PARITY = [
  'LLLLLL',
  'LLGLGG',
  'LLGGLG',
  'LLGGGL',
  'LGLLGG',
  'LGGLLG',
  'LGGGLG',
  'LGLGGL',
  'LGLGLG',
  'LGGLGL',
];

/** The 13th digit of an EAN-13 from its first 12. */
export function ean13CheckDigit(first12: string): string {
  const sum = [...first12].reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return String((10 - (sum % 10)) % 10);
}

/** The 95 modules of an EAN-13 (1 = bar). */
export function ean13Modules(code: string): string {
  if (!/^\d{13}$/.test(code) || ean13CheckDigit(code.slice(0, 12)) !== code[12])
    throw new Error(`not an EAN-13: ${code}`);
  const digits = [...code].map(Number);
  const parity = PARITY[digits[0] as number] as string;
  const left = digits
    .slice(1, 7)
    .map((d, i) => (parity[i] === 'L' ? L[d] : G[d]))
    .join('');
  const right = digits
    .slice(7)
    .map((d) => R[d])
    .join('');
  return `101${left}01010${right}101`;
}

/** Writes a few frames of the barcode, 640×480, 4:2:0, at `path`. */
export function writeBarcodeVideo(path: string, code: string, frames = 10): void {
  const width = 640;
  const height = 480;
  const module = 4;
  const modules = ean13Modules(code);
  const left = Math.floor((width - modules.length * module) / 2);
  const top = 90;
  const bottom = 390;
  const luma = Buffer.alloc(width * height, 235);
  for (let y = top; y < bottom; y++)
    for (let i = 0; i < modules.length; i++)
      if (modules[i] === '1')
        luma.fill(16, y * width + left + i * module, y * width + left + (i + 1) * module);
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`);
  writeFileSync(path, Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]));
}
