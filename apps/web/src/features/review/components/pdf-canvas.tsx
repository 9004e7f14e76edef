/**
 * One page of a PDF drawn on a canvas with pdf.js. Loaded lazily (its own chunk, with the worker as a
 * separate asset Vite emits for dev and the production build alike), so the queue never downloads it.
 */
import { useEffect, useRef, useState } from 'react';
import { GlobalWorkerOptions, getDocument, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

export interface PdfCanvasProps {
  url: string;
  /** 1-based page number. */
  page: number;
  scale: number;
  /** Degrees, a multiple of 90. */
  rotation: number;
  label: string;
  onPages: (count: number) => void;
  onError: (error: unknown) => void;
}

export default function PdfCanvas({ url, page, scale, rotation, label, onPages, onError }: PdfCanvasProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [pdf, setPdf] = useState<PDFDocumentProxy | null>(null);

  useEffect(() => {
    // The portal's CSP allows neither eval nor WebAssembly: pdf.js falls back to its plain decoders.
    const task = getDocument({ url, withCredentials: true, useWasm: false });
    let cancelled = false;
    task.promise.then(
      (doc) => {
        if (cancelled) return;
        setPdf(doc);
        onPages(doc.numPages);
      },
      (error: unknown) => {
        if (!cancelled) onError(error);
      },
    );
    return () => {
      cancelled = true;
      setPdf(null);
      void task.destroy();
    };
    // onPages / onError are the viewer's callbacks; a new document is what restarts the load.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [url]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!pdf || !canvas) return undefined;
    let cancelled = false;
    let render: { cancel: () => void; promise: Promise<void> } | null = null;
    void pdf.getPage(Math.min(Math.max(page, 1), pdf.numPages)).then((p) => {
      if (cancelled) return;
      const ratio = window.devicePixelRatio || 1;
      const viewport = p.getViewport({ scale: scale * ratio, rotation });
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      canvas.style.width = `${Math.floor(viewport.width / ratio)}px`;
      canvas.style.height = `${Math.floor(viewport.height / ratio)}px`;
      render = p.render({ canvas, viewport });
      render.promise.catch(() => undefined);
    });
    return () => {
      cancelled = true;
      render?.cancel();
    };
  }, [pdf, page, scale, rotation]);

  return (
    <canvas
      ref={canvasRef}
      role="img"
      aria-label={label}
      className="hx-viewer__canvas"
      data-testid="pdf-canvas"
    />
  );
}
