import { BarcodeDetector, prepareZXingModule } from 'barcode-detector/ponyfill';
// The reader's WebAssembly as a file of our build (assets/zxing_reader-<hash>.wasm): never fetched from a CDN.
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';

prepareZXingModule({
  overrides: {
    locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path),
  },
});

/** The ZXing polyfill's BarcodeDetector (this module is its own chunk, loaded when the scanner opens). */
export const PolyfillDetector = BarcodeDetector;
