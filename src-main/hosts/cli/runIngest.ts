import type { IngestProgress } from "@common/contract/libraryTypes.js";
import type { LibraryDocument } from "../../store/library/types.js";
import type { CliServices } from "./createCliServices.js";
import { IngestProgressView } from "./IngestProgressView.js";
import { UsageError } from "./UsageError.js";

export type CliOutput = { out: (line: string) => void; err: (line: string) => void; stream: NodeJS.WriteStream };

/**
 * `locus ingest <paths...>`: queues the files, resumes whatever an earlier run left unfinished, shows
 * progress until the queue is done, then prints what was indexed and why the rest failed.
 * Returns the exit code: 0 all indexed, 1 something failed or could not be found.
 */
export async function runIngest(
    services: CliServices, paths: readonly string[], output: CliOutput, options: { collection?: string } = {}
): Promise<number> {
    if (paths.length === 0) throw new UsageError("Name the files or folders to index: locus ingest <paths...>");
    if (services.embeddingModel === null)
        throw new UsageError("No embedding model: pass --embedding-model PATH or choose one in the app.");
    const { ingest, store } = services;
    const started = performance.now();

    // Documents an interrupted run left behind are finished too, and reported with the rest.
    const resumed = store.listFiles(["queued", "parsing", "embedding"]).map((document) => document.id);
    ingest.start();
    const collectionId = options.collection === undefined ? undefined : collectionNamed(services, options.collection, output);
    const added = await ingest.add(paths, collectionId === undefined ? {} : { collectionId });
    for (const missing of added.notFound) output.err(`Not found: ${missing}`);
    const fresh = added.queued.filter((document) => !resumed.includes(document.id)).length;
    output.out(describeAdded(fresh, added.unchanged.length, added.skippedUnsupported, resumed.length));

    const view = new IngestProgressView(output.stream);
    const unsubscribe = ingest.onProgress((progress) => view.update(progress));
    let stopped: NodeJS.Signals | null = null;
    // Ctrl-C or a kill: stop at once, keeping what is embedded (saved batch by batch) for the next run.
    const onSignal = (signal: NodeJS.Signals) => {
        if (stopped !== null) return;
        stopped = signal;
        output.err("\nStopping; the next `locus ingest` resumes where this run stopped…");
        void ingest.pause();
        // An embedding batch in flight may take longer than a person waits: what it computed is lost, nothing else.
        setTimeout(() => process.exit(exitCodeFor(signal)), signalGraceMs).unref();
    };
    process.once("SIGINT", onSignal);
    process.once("SIGTERM", onSignal);
    try {
        await ingest.idle();
    } finally {
        process.off("SIGINT", onSignal);
        process.off("SIGTERM", onSignal);
        unsubscribe();
        view.stop(ingest.progress());
    }
    if (stopped !== null) {
        const left = store.listFiles(["queued", "parsing", "embedding"]).length;
        output.err(`Stopped with ${plural(left, "file")} left to index; run the command again to resume.`);
        return exitCodeFor(stopped);
    }

    const progress = ingest.progress();
    if (progress.blockedReason !== null) {
        output.err(progress.blockedReason);
        return 1;
    }
    const ids = new Set([...resumed, ...added.queued.map((document) => document.id)]);
    const processed = [...ids].map((id) => store.getDocument(id)).filter((document) => document !== undefined);
    // Files that failed before and did not change are listed again: they still need the person's attention.
    const stillFailed = added.unchanged.filter((document) => document.status === "failed");
    // The messages of a mailbox are documents of their own: say how many the mailboxes held.
    const messages = processed.reduce((sum, document) => sum + (document.status === "indexed" ? store.listParts(document.id).length : 0), 0);
    printSummary(processed, stillFailed, progress, (performance.now() - started) / 1000, output, messages);
    const failed = processed.some((document) => document.status !== "indexed") || stillFailed.length > 0;
    return failed || added.notFound.length > 0 ? 1 : 0;
}

/** A signal stops the run within this time, whatever is in flight. */
export const signalGraceMs = 900;

/** The shell's convention: 128 + the signal's number. */
function exitCodeFor(signal: NodeJS.Signals): number {
    return signal === "SIGTERM" ? 143 : 130;
}

/** The collection with this name (any case), created when there is none yet. */
function collectionNamed(services: CliServices, name: string, output: CliOutput): string {
    const existing = services.store.collectionByName(name);
    if (existing !== undefined) return existing.id;
    const created = services.store.createCollection(name);
    output.out(`New collection "${created.name}".`);
    return created.id;
}

function describeAdded(queued: number, unchanged: number, skipped: number, resumed: number): string {
    const parts = [`${plural(queued, "file")} to index`];
    if (resumed > 0) parts.push(`${resumed} left from an earlier run`);
    if (unchanged > 0) parts.push(`${unchanged} unchanged`);
    if (skipped > 0) parts.push(`${skipped} skipped (types Locus cannot read)`);
    return `${parts.join(", ")}.`;
}

function printSummary(
    processed: LibraryDocument[], stillFailed: LibraryDocument[], progress: IngestProgress, seconds: number, output: CliOutput, messages: number
): void {
    const indexed = processed.filter((document) => document.status === "indexed");
    const failed = processed.filter((document) => document.status !== "indexed");
    const chunks = indexed.reduce((sum, document) => sum + document.chunkCount, 0);
    const rate = progress.chunksPerSecond === null ? "" : `, ${progress.chunksPerSecond.toFixed(1)} chunks/s`;
    if (processed.length === 0) output.out("Nothing new to index.");
    else {
        const held = messages > 0 ? `${plural(messages, "e-mail message")}, ` : "";
        output.out(`Indexed ${indexed.length} of ${plural(processed.length, "file")} (${held}${plural(chunks, "chunk")}) in ${seconds.toFixed(1)} s${rate}.`);
    }
    for (const document of indexed) if (document.statusReason !== null) output.out(`  ${document.displayName}: ${document.statusReason}`);
    listFailures("Failed", failed, output);
    listFailures("Still failing (unchanged since)", stillFailed, output);
}

function listFailures(title: string, documents: LibraryDocument[], output: CliOutput): void {
    if (documents.length === 0) return;
    output.out(`${title} ${documents.length}:`);
    for (const document of documents)
        output.out(`  ${document.displayName}: ${document.statusReason ?? `still ${document.status}; run the command again to finish it.`}`);
}

function plural(count: number, noun: string): string {
    return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
