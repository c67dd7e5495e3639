import fs from "node:fs";
import path from "node:path";
import { hostileStrings } from "./hostileValues.js";

/**
 * A small mixed corpus in `dir` (notes, HTML, CSV, a broken PDF, an empty file, a binary file, pairs files)
 * and the paths a fuzzed call may name: these, the folder, missing files and devices. Never a folder
 * outside the sandbox, so no call can make Locus index the machine.
 */
export function writeFuzzCorpus(dir: string): { paths: string[]; pairsFile: string; documents: string[] } {
    const docs = path.join(dir, "docs");
    fs.mkdirSync(docs, { recursive: true });
    const files: Record<string, string | Buffer> = {
        "harbour.md": "# Harbour\n\nIn winter the harbour turns deep teal. The ferry leaves at nine.\n\n## Refunds\n\nRefunds are paid within fourteen days.",
        "desk.txt": "The help desk opens at nine and closes at five. ".repeat(40),
        "page.html": "<html><head><title>Page</title></head><body><h1>Rules</h1><p>No dogs on the pier.</p><img src=\"https://example.org/x.png\"></body></html>",
        "table.csv": "name,colour\nharbour,teal\nsky,grey\n",
        "broken.pdf": "%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage",
        "empty.txt": "",
        "binary.bin": Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37) % 256)),
        "日本語.md": "# 港\n\n冬になると港は深い青緑色になります。",
        "hostile.md": hostileStrings.join("\n\n")
    };
    for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(docs, name), content);
    const pairsFile = path.join(dir, "pairs.jsonl");
    fs.writeFileSync(pairsFile, Array.from({ length: 4 }, (_, i) => JSON.stringify({ question: `What colour is the harbour ${i}?`, answer: "Teal." })).join("\n"));
    fs.writeFileSync(path.join(dir, "bad-pairs.jsonl"), "{\"question\": \"unclosed\n[1,2,3]\n");
    const documents = Object.keys(files).map((name) => path.join(docs, name));
    const missing = path.join(dir, "missing");
    const paths = [
        ...documents, docs, pairsFile, path.join(dir, "bad-pairs.jsonl"), missing, path.join(missing, "a.md"), "/dev/null", "/dev/zero",
        ...hostileStrings.filter((text) => text.length < 200).map((text) => path.join(missing, text.replaceAll("\u0000", "")))
    ];
    return { paths, pairsFile, documents };
}
