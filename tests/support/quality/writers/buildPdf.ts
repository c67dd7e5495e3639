import { PDFDocument, StandardFonts, type PDFFont, type PDFPage } from "pdf-lib";
import type { CorpusDocument, CorpusSection } from "../types.js";
import { wrapLine } from "./wrapLine.js";

const pageSize: [number, number] = [595, 842];
const margin = 60;
const bottom = 80;
const body = { size: 11, leading: 15 };
const heading = { size: 13, leading: 20 };
const title = { size: 18, leading: 28 };

/**
 * The document as a PDF, each section on the page it names (sections of one page in order), the
 * title on page 1 and "Page n of N" at the foot of each page. Throws when a page's sections do not
 * fit, so a page number in the data is always the page the text is on. No dates or producer are
 * written, so the bytes are the same on every run.
 */
export async function buildPdf(document: CorpusDocument): Promise<Uint8Array> {
    const pdf = await PDFDocument.create({ updateMetadata: false });
    pdf.setTitle(document.title);
    const regular = await pdf.embedFont(StandardFonts.Helvetica);
    const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
    const pageCount = Math.max(...document.sections.map((section) => pageOf(document, section)));
    for (let number = 1; number <= pageCount; number++) {
        const page = pdf.addPage(pageSize);
        let y = pageSize[1] - margin;
        const draw = (text: string, font: PDFFont, style: { size: number; leading: number }): void => {
            for (const line of wrapLine(text, pageSize[0] - 2 * margin, (candidate) => font.widthOfTextAtSize(candidate, style.size))) {
                if (y < bottom) throw new Error(`"${document.fileName}": the sections of page ${String(number)} do not fit on it`);
                page.drawText(line, { x: margin, y, size: style.size, font });
                y -= style.leading;
            }
        };
        if (number === 1) draw(document.title, bold, title);
        const sections = document.sections.filter((section) => pageOf(document, section) === number);
        if (sections.length === 0) throw new Error(`"${document.fileName}": page ${String(number)} has no section`);
        for (const section of sections) {
            y -= 6;
            draw(section.heading, bold, heading);
            for (const paragraph of section.paragraphs) {
                draw(paragraph, regular, body);
                y -= 6;
            }
        }
        drawFooter(page, regular, `Page ${String(number)} of ${String(pageCount)}`);
    }
    return pdf.save();
}

function pageOf(document: CorpusDocument, section: CorpusSection): number {
    if (section.page === undefined || !Number.isInteger(section.page) || section.page < 1) {
        throw new Error(`"${document.fileName}": section "${section.heading}" has no page number`);
    }
    return section.page;
}

function drawFooter(page: PDFPage, font: PDFFont, text: string): void {
    page.drawText(text, { x: margin, y: 40, size: 9, font });
}
