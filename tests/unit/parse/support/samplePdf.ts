import { writeFile } from "node:fs/promises";
import { PDFDocument, StandardFonts, rgb } from "pdf-lib";

/** Writes a real PDF: one page per entry of `pages`, each line drawn as text with a standard font. */
export async function writeTextPdf(path: string, pages: string[][], title?: string): Promise<Uint8Array> {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    for (const lines of pages) {
        const page = pdf.addPage([595, 842]);
        lines.forEach((line, index) => page.drawText(line, { x: 50, y: 780 - index * 18, size: 12, font }));
    }
    if (title !== undefined) pdf.setTitle(title);
    const bytes = await pdf.save();
    await writeFile(path, bytes);
    return bytes;
}

/** Writes a PDF that looks like a scan: every page holds only an image and shapes, no text. */
export async function writeScannedPdf(path: string, pageCount: number): Promise<void> {
    const pdf = await PDFDocument.create();
    // A 1x1 grey PNG stands in for the scanned page image.
    const png = await pdf.embedPng(
        Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNoAAAAggCBd81ytgAAAABJRU5ErkJggg==", "base64")
    );
    for (let index = 0; index < pageCount; index++) {
        const page = pdf.addPage([595, 842]);
        page.drawImage(png, { x: 0, y: 0, width: 595, height: 842 });
        page.drawRectangle({ x: 40, y: 40, width: 200, height: 30, color: rgb(0.2, 0.2, 0.2) });
    }
    await writeFile(path, await pdf.save());
}
