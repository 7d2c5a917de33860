/**
 * A barcode reader for the camera: the browser's own BarcodeDetector where it has one (Chrome on Android), else
 * the `barcode-detector` polyfill (ZXing compiled to WebAssembly), loaded only now — the scanner was opened —
 * with its .wasm from our own origin (CSP, offline). EAN-13/8, UPC-A/E, Code 128, QR.
 */

export interface DetectedBarcode {
  rawValue: string;
}
export interface BarcodeReader {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}
interface DetectorClass {
  new (options?: { formats?: string[] }): BarcodeReader;
  getSupportedFormats?: () => Promise<string[]>;
}

export const FORMATS = ['ean_13', 'ean_8', 'upc_a', 'upc_e', 'code_128', 'qr_code'];

function nativeDetector(): DetectorClass | null {
  const native = (window as unknown as { BarcodeDetector?: DetectorClass }).BarcodeDetector;
  return typeof native === 'function' ? native : null;
}

/** Whether the camera can be used at all (a reader can always be had: native or the polyfill). */
export function cameraAvailable(): boolean {
  return typeof navigator !== 'undefined' && Boolean(navigator.mediaDevices?.getUserMedia);
}

/** The reader to use: native when it reads our formats, else the polyfill (its own chunk, fetched now). */
export async function loadReader(): Promise<BarcodeReader> {
  const native = nativeDetector();
  if (native) {
    const supported = (await native.getSupportedFormats?.().catch(() => [])) ?? [];
    const formats = FORMATS.filter((f) => supported.includes(f));
    if (formats.length > 0) return new native({ formats });
  }
  const { PolyfillDetector } = await import('./barcode-polyfill');
  return new PolyfillDetector({ formats: FORMATS as never });
}

/** A short beep and a buzz: the code was read, the next can come. */
export function signalRead(audio: AudioContext | null): void {
  navigator.vibrate?.(60);
  if (!audio) return;
  try {
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.frequency.value = 1_760;
    gain.gain.value = 0.08;
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start();
    oscillator.stop(audio.currentTime + 0.09);
  } catch {
    // No sound (muted context): the vibration and the screen say it.
  }
}

/** The same code seen again within this time is the same scan, not a second one. */
export const SAME_CODE_MS = 2_500;

/** Whether a code just read is a new scan (not the one still in front of the camera). */
export function isNewScan(code: string, last: { code: string; at: number } | null, now: number): boolean {
  return !last || last.code !== code || now - last.at > SAME_CODE_MS;
}
