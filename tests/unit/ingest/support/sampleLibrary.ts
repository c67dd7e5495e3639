import fs from "node:fs/promises";
import path from "node:path";
import { writeScannedPdf, writeTextPdf } from "../../parse/support/samplePdf.js";

const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNoAAAAggCBd81ytgAAAABJRU5ErkJggg==", "base64");

/** A UTF-16LE text with a byte-order mark, as old Windows tools save it. */
export function utf16le(text: string): Buffer {
    return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
}

/**
 * A small folder of real documents in every format ingestion handles, and the ways files go wrong:
 * Markdown with headings, UTF-16 text, HTML, a two-page PDF, a scanned PDF, a corrupt PDF, an
 * unsupported `.xyz` and a hidden file. Kept small: the synthetic embedding model spends about a
 * millisecond of CPU per token.
 */
export async function writeSampleLibrary(root: string): Promise<void> {
    await fs.mkdir(path.join(root, "nested"), { recursive: true });
    await fs.writeFile(path.join(root, "guide.md"), [
        "# Travel guide", "", "## Booking", "", "Book trains at least two weeks ahead to get the cheaper fares.", "",
        "## Refunds", "", "Refunds for cancelled journeys are paid within fourteen days of the request."
    ].join("\n"));
    await fs.writeFile(path.join(root, "notes-utf16.txt"), utf16le("Meeting notes\r\n\r\nThe café budget for the résumé workshop is approved.\r\n"));
    await fs.writeFile(path.join(root, "nested", "page.html"), [
        "<!doctype html><html><head><title>Office hours</title></head><body>",
        "<h1>Office hours</h1><p>The help desk is open from nine to five on weekdays.</p>",
        "<h2>Holidays</h2><p>On public holidays the desk is closed; write to the shared inbox.</p></body></html>"
    ].join(""));
    await writeTextPdf(path.join(root, "report.pdf"), [
        ["Quarterly report", "Sales grew by twelve percent in the northern region."],
        ["Outlook", "The board expects steady growth next quarter."]
    ], "Quarterly report");
    await writeScannedPdf(path.join(root, "scanned.pdf"), 1);
    await fs.writeFile(path.join(root, "corrupt.pdf"), Buffer.concat([Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog"), Buffer.alloc(64, 0x41)]));
    await fs.writeFile(path.join(root, "data.xyz"), png);
    await fs.writeFile(path.join(root, ".hidden.md"), "# Hidden\n\nNever indexed from a folder.");
}

/** Names of the sample files ingestion queues from the folder (hidden and unsupported ones are not). */
export const sampleQueuedNames = ["corrupt.pdf", "guide.md", "notes-utf16.txt", "page.html", "report.pdf", "scanned.pdf"];

/** `count` small Markdown files of about `words` words each, for runs long enough to cancel or kill. */
export async function writeManyNotes(root: string, count: number, words = 120): Promise<string[]> {
    await fs.mkdir(root, { recursive: true });
    const names: string[] = [];
    for (let i = 0; i < count; i++) {
        const name = `note-${String(i).padStart(2, "0")}.md`;
        const sentences = Array.from({ length: Math.ceil(words / 12) }, (_, s) =>
            `Note ${i} sentence ${s} mentions topic ${(i * 7 + s) % 13} and the figure ${i * 100 + s} once.`);
        await fs.writeFile(path.join(root, name), `# Note ${i}\n\n${sentences.join(" ")}\n`);
        names.push(name);
    }
    return names;
}
