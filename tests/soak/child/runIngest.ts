import fs from "node:fs/promises";
import type { IngestProgress } from "../../../src-main/common/contract/libraryTypes.js";
import { type Random } from "../../fuzz/Random.js";
import type { ChildApp } from "./ChildApp.js";

/**
 * Ingestion for this run: the next folder of the corpus, or once all are in, a few files edited and added
 * again (a changed file is indexed again). Documents a kill interrupted resume by themselves.
 */
export async function runIngest(app: ChildApp, random: Random): Promise<void> {
    app.on<IngestProgress>("library.progress", (progress) => {
        const document = progress.document;
        if (document) app.emit({ t: "embedding", document: document.name, done: document.chunksDone, reused: document.chunksReused });
    });
    const { batches, editable, life } = app.config;
    if (life < batches.length) {
        await app.call("library.addPaths", { paths: [batches[life]!] });
        return;
    }
    const edited = Array.from({ length: 3 }, () => random.pick(editable));
    for (const file of edited) await fs.appendFile(file, `\n\nEdited in run ${String(life)}: ${String(random.int(0, 1e9))}.\n`);
    await app.call("library.addPaths", { paths: [...new Set(edited)] });
}
