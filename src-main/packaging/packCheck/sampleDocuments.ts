import fs from "node:fs";
import path from "node:path";
import { createCanvas } from "@napi-rs/canvas";
import { PDFDocument, StandardFonts } from "pdf-lib";

const facts = [
    "The Harbor Lantern Society meets on the second Tuesday of every month in the old ferry terminal.",
    "Its treasurer, Odile Marchetti, keeps the accounts in a green ledger that never leaves the building.",
    "Members pay an annual fee of forty-two crowns, due before the spring lantern walk.",
    "The society's oldest lantern was made in 1887 from copper salvaged from a wrecked schooner."
];

/**
 * Three small documents the packaged app must read: Markdown (the text parser), a PDF (pdf.js from the
 * archive, with its worker, cmaps and fonts; enough text for several chunks and a training window),
 * and a scanned page as a PNG picture (text recognition: tesseract.js's WebAssembly core and the
 * English language data, from where the installer puts them).
 */
export async function sampleDocuments(dir: string): Promise<string[]> {
    fs.mkdirSync(dir, { recursive: true });
    const markdown = path.join(dir, "lantern-society.md");
    const body = Array.from({ length: 12 }, (_, round) => facts.map((fact) => `${fact} (note ${round + 1})`).join(" ")).join("\n\n");
    fs.writeFileSync(markdown, `# The Harbor Lantern Society\n\n${body}\n\n## Accounts\n\n${facts[1]}\n`);

    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    for (const [index, fact] of facts.entries()) {
        const page = pdf.addPage([595, 842]);
        page.drawText(`Page ${index + 1}`, { x: 50, y: 780, size: 18, font });
        const words = fact.split(" ");
        for (let line = 0; line * 10 < words.length; line += 1) {
            page.drawText(words.slice(line * 10, line * 10 + 10).join(" "), { x: 50, y: 740 - line * 20, size: 12, font });
        }
    }
    const pdfPath = path.join(dir, "lantern-minutes.pdf");
    fs.writeFileSync(pdfPath, await pdf.save());

    const canvas = createCanvas(1654, 400);
    const context = canvas.getContext("2d");
    context.fillStyle = "white";
    context.fillRect(0, 0, 1654, 400);
    context.fillStyle = "black";
    context.font = "44px serif";
    context.fillText("The lantern walk starts at the ferry terminal.", 100, 160);
    const scanPath = path.join(dir, "lantern-scan.png");
    fs.writeFileSync(scanPath, canvas.toBuffer("image/png"));
    return [markdown, pdfPath, scanPath];
}
