/**
 * Reading a QR code from the till's camera: the standard Barcode Detection API (`BarcodeDetector`,
 * built into Chrome on Android) when the browser has it, else the `barcode-detector` ponyfill — the
 * same API over ZXing-C++ compiled to WebAssembly (iOS Safari, desktop Firefox). The ponyfill and its
 * `.wasm` are loaded only when a cashier actually opens the camera on such a browser, and the `.wasm`
 * is served from the portal itself (Vite emits it as an asset), never from the library's default CDN:
 * the content security policy allows only our own origin, and a till must not depend on a third party.
 */

/** What the scanner needs of a detector: the spec's `detect`, on a playing video element. */
export interface QrDetector {
  detect(source: HTMLVideoElement): Promise<ReadonlyArray<{ rawValue: string }>>;
}

export type QrDetectorFactory = () => Promise<QrDetector>;

interface NativeBarcodeDetector {
  new (options: { formats: string[] }): QrDetector;
  getSupportedFormats(): Promise<readonly string[]>;
}

async function nativeDetector(): Promise<QrDetector | null> {
  const Native = (globalThis as { BarcodeDetector?: NativeBarcodeDetector }).BarcodeDetector;
  if (!Native) return null;
  try {
    const formats = await Native.getSupportedFormats();
    return formats.includes('qr_code') ? new Native({ formats: ['qr_code'] }) : null;
  } catch {
    return null;
  }
}

/** The browser's own detector when it reads QR codes, else the WebAssembly one. */
export const createQrDetector: QrDetectorFactory = async () => {
  const native = await nativeDetector();
  if (native) return native;
  const [{ BarcodeDetector, prepareZXingModule }, { default: wasmUrl }] = await Promise.all([
    import('barcode-detector/ponyfill'),
    import('zxing-wasm/reader/zxing_reader.wasm?url'),
  ]);
  prepareZXingModule({
    overrides: {
      locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path),
    },
  });
  return new BarcodeDetector({ formats: ['qr_code'] });
};
