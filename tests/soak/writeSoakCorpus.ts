import fs from "node:fs/promises";
import path from "node:path";
import { Random } from "../fuzz/Random.js";
import { buildDocx, paragraph } from "../unit/parse/support/sampleDocx.js";
import { writeTextPdf } from "../unit/parse/support/samplePdf.js";

export type SoakCorpus = {
    /** Folders added one per run of the app, in order, so ingestion work is spread across kills. */
    batches: string[];
    /** Small text files a run may edit and add again: a changed file is indexed again, replacing its chunks. */
    editable: string[];
};

const words = ["harbour", "ferry", "ledger", "invoice", "orchard", "lantern", "glacier", "meadow", "copper", "violet", "signal", "archive",
    "tunnel", "quartz", "pepper", "saddle", "monsoon", "walnut", "canvas", "falcon", "prism", "cedar", "marble", "beacon"];

/** A sentence of seeded words and a number, so chunks differ and none is reused from another file. */
function sentence(random: Random, tag: string): string {
    const picked = Array.from({ length: 9 }, () => random.pick(words));
    return `${tag} ${picked.join(" ")} ${random.int(0, 999_999)}.`;
}

function paragraphs(random: Random, tag: string, count: number): string[] {
    return Array.from({ length: count }, (_, i) => Array.from({ length: 4 }, () => sentence(random, `${tag}.${i}`)).join(" "));
}

/**
 * A mixed corpus for the soak: `files` small documents in Markdown, text, HTML, PDF and DOCX, a damaged
 * PDF and an empty file (each must end failed with a reason or indexed), and two large documents (a long
 * text and a many-page PDF) in the first batches, so kills land in the middle of a document.
 */
export async function writeSoakCorpus(root: string, files: number, seed: number, batchCount = 10): Promise<SoakCorpus> {
    const random = new Random(seed);
    const batches = Array.from({ length: batchCount }, (_, i) => path.join(root, `batch-${String(i).padStart(2, "0")}`));
    for (const batch of batches) await fs.mkdir(batch, { recursive: true });
    const editable: string[] = [];
    for (let i = 0; i < files; i++) {
        const batch = batches[i % batchCount]!;
        const name = `doc-${String(i).padStart(4, "0")}`;
        const text = paragraphs(random, name, random.int(1, 4));
        switch (i % 5) {
            case 0: {
                const file = path.join(batch, `${name}.md`);
                await fs.writeFile(file, `# ${name}\n\n${text.join("\n\n## Part\n\n")}\n`);
                editable.push(file);
                break;
            }
            case 1: {
                const file = path.join(batch, `${name}.txt`);
                await fs.writeFile(file, text.join("\n\n"));
                editable.push(file);
                break;
            }
            case 2:
                await fs.writeFile(path.join(batch, `${name}.html`),
                    `<!doctype html><html><head><title>${name}</title></head><body><h1>${name}</h1>${text.map((p) => `<p>${p}</p>`).join("")}</body></html>`);
                break;
            case 3:
                await writeTextPdf(path.join(batch, `${name}.pdf`), text.map((p) => p.match(/.{1,80}(\s|$)/g) ?? [p]), name);
                break;
            default:
                await fs.writeFile(path.join(batch, `${name}.docx`), await buildDocx({ body: [paragraph(name, "Heading1"), ...text.map((p) => paragraph(p))].join("") }));
        }
    }
    const first = batches[0]!;
    const second = batches[Math.min(1, batchCount - 1)]!;
    await fs.writeFile(path.join(first, "large-report.txt"), paragraphs(random, "report", 400).join("\n\n"));
    await writeTextPdf(path.join(second, "large-manual.pdf"),
        Array.from({ length: 40 }, (_, page) => paragraphs(random, `manual.${page}`, 6).map((p) => p.slice(0, 90))), "Manual");
    await fs.writeFile(path.join(second, "damaged.pdf"), Buffer.concat([Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog"), Buffer.alloc(64, 0x41)]));
    await fs.writeFile(path.join(second, "empty.txt"), "");
    return { batches, editable };
}
