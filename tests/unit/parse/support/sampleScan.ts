import { createCanvas } from "@napi-rs/canvas";
import { writeFile } from "node:fs/promises";
import { PDFDocument, StandardFonts } from "pdf-lib";

/**
 * A picture of printed lines, as a scanner would produce it: black serif text on white, at about
 * 200 dpi for an A4 width (1,654 pixels). Nothing is downloaded: the text is drawn here.
 */
export function renderTextImage(lines: readonly string[], format: "png" | "jpeg" = "png"): Buffer {
    const width = 1654;
    const height = Math.max(400, 160 + lines.length * 90);
    const canvas = createCanvas(width, height);
    const context = canvas.getContext("2d");
    context.fillStyle = "white";
    context.fillRect(0, 0, width, height);
    context.fillStyle = "black";
    context.font = "44px serif";
    lines.forEach((line, index) => context.fillText(line, 100, 140 + index * 90));
    return format === "png" ? canvas.toBuffer("image/png") : canvas.toBuffer("image/jpeg", 92);
}

/**
 * A scanned PDF: each page holds only a picture of its lines (no text layer), as a scanner's PDF does;
 * with `typedCover`, a first page of real text comes before them (a typed cover sheet).
 */
export async function writeScanPdf(path: string, pages: ReadonlyArray<readonly string[]>, typedCover?: string): Promise<void> {
    const pdf = await PDFDocument.create();
    if (typedCover !== undefined) {
        const font = await pdf.embedFont(StandardFonts.Helvetica);
        pdf.addPage([595, 842]).drawText(typedCover, { x: 50, y: 780, size: 14, font });
    }
    for (const lines of pages) {
        const image = await pdf.embedPng(renderTextImage(lines));
        const page = pdf.addPage([595, 842]);
        page.drawImage(image, { x: 0, y: 842 - (595 * image.height) / image.width, width: 595, height: (595 * image.height) / image.width });
    }
    await writeFile(path, await pdf.save());
}
