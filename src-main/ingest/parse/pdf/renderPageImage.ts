import type { PDFDocumentProxy } from "pdfjs-dist/legacy/build/pdf.mjs";

/** Scans are read at 300 dpi, enough for text recognition of body text. */
const scale300Dpi = 300 / 72;
/** Longest side of a rendered page: keeps an A0 poster or a hostile page size to a readable image. */
const maxSidePixels = 4_000;

interface NodeCanvas {
    encode(format: "png"): Promise<Buffer>;
}
interface CanvasFactory {
    create(width: number, height: number): { canvas: NodeCanvas; context: unknown };
    destroy(canvasAndContext: { canvas: NodeCanvas; context: unknown }): void;
}

/**
 * One PDF page drawn as a PNG for text recognition, with pdf.js and its Node canvas (@napi-rs/canvas):
 * 300 dpi, at most 4,000 pixels on the longest side, on white.
 */
export async function renderPageImage(pdf: PDFDocumentProxy, pageNumber: number): Promise<Buffer> {
    const page = await pdf.getPage(pageNumber);
    try {
        const base = page.getViewport({ scale: 1 });
        const scale = Math.min(scale300Dpi, maxSidePixels / Math.max(base.width, base.height, 1));
        const viewport = page.getViewport({ scale });
        const factory = pdf.canvasFactory as CanvasFactory;
        const target = factory.create(Math.max(1, Math.ceil(viewport.width)), Math.max(1, Math.ceil(viewport.height)));
        try {
            await page.render({ canvasContext: target.context as never, canvas: target.canvas as never, viewport, background: "white" }).promise;
            return await target.canvas.encode("png");
        } finally {
            factory.destroy(target);
        }
    } finally {
        page.cleanup();
    }
}
