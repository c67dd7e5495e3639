import fs from "node:fs";
import path from "node:path";
import { PDFDocument, StandardFonts } from "pdf-lib";

const facts = [
    "The Harbor Lantern Society meets on the second Tuesday of every month in the old ferry terminal.",
    "Its treasurer, Odile Marchetti, keeps the accounts in a green ledger that never leaves the building.",
    "Members pay an annual fee of forty-two crowns, due before the spring lantern walk.",
    "The society's oldest lantern was made in 1887 from copper salvaged from a wrecked schooner."
];

/**
 * Two small documents the packaged app must read: Markdown (the text parser) and a PDF (pdf.js from the
 * archive, with its worker, cmaps and fonts). Enough text for several chunks and a training window.
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
    return [markdown, pdfPath];
}
