import fs from "node:fs";
import type { TrainingRunInfo } from "@common/contract/personalizeTypes.js";
import { ModelService } from "../../models/ModelService.js";
import { createPersonalize } from "../../personalize/createPersonalize.js";
import { ModelRepository } from "../../store/ModelRepository.js";
import type { StoredAdapter } from "../../store/AdapterRepository.js";
import type { CliServices } from "./createCliServices.js";
import { IngestProgressView } from "./IngestProgressView.js";
import type { CliOutput } from "./runIngest.js";
import { formatDuration, TrainingProgressView } from "./TrainingProgressView.js";
import { UsageError } from "./UsageError.js";
import { plural } from "@common/plural.js";

export type TrainCommand = {
    /** Files or folders (indexed first when they are not in the library yet) and library document ids. */
    docs: readonly string[];
    minutes: number;
    name?: string;
    /** Make the new adapter the one the app's chat uses. */
    activate: boolean;
    /** A file of question-answer pairs to learn too. */
    qaFile?: string;
};

/**
 * `locus train --docs <paths or ids...> --minutes N`: indexes the paths not in the library yet, teaches the
 * chat model those documents within the budget with a progress line, and prints what the adapter
 * learned. Ctrl-C stops after the current step and keeps the best adapter so far. Exit code 0 when an
 * adapter was saved, 1 otherwise.
 */
export async function runTrain(services: CliServices, command: TrainCommand, output: CliOutput): Promise<number> {
    if (command.docs.length === 0) throw new UsageError("Name the documents to learn from: locus train --docs <files, folders or ids...> --minutes N");
    const modelId = await chatModelId(services);
    const documentIds = await resolveDocuments(services, command.docs, output);

    const view = new TrainingProgressView(output.stream);
    const personalize = createPersonalize({
        db: services.db, engine: services.engine, library: services.store, models: new ModelRepository(services.db),
        chatModelId: () => modelId, dataDir: services.dataDir, keepThreadsForChat: false,
        onProgress: (run) => view.update(run)
    });
    let cancelled = false;
    const onInterrupt = (): void => {
        if (cancelled) return;
        cancelled = true;
        view.stop();
        output.err("Stopping after the current step; the best adapter so far is kept…");
        personalize.training.cancel();
    };
    try {
        const pairs = command.qaFile === undefined ? undefined : await personalize.training.loadPairs(command.qaFile);
        const started = personalize.training.start({ documentIds, budgetMinutes: command.minutes, name: command.name, pairsId: pairs?.id });
        const what = pairs === undefined ? plural(started.documentCount, "document") : `${plural(started.documentCount, "document")} and ${plural(pairs.count, "question-answer pair")}`;
        output.out(`Teaching ${started.modelName} ${what} for up to ${plural(command.minutes, "minute")} (Ctrl-C stops early and keeps the best adapter).`);
        process.on("SIGINT", onInterrupt);
        await personalize.training.idle();
        view.stop();
        const run = personalize.training.status();
        if (run === null || run.state === "failed") {
            output.err(`Training failed: ${run?.error ?? "unknown error"}`);
            return 1;
        }
        const adapter = run.adapterId === null ? undefined : personalize.repository.get(run.adapterId);
        if (adapter === undefined) {
            output.err(`Stopped after ${plural(run.step, "step")}, before any adapter was worth keeping: nothing was saved. Train for longer.`);
            return 1;
        }
        printSummary(run, adapter, output);
        if (command.activate) {
            await personalize.adapters.activate(adapter.id);
            output.out(`Active: the app's chat uses it with ${adapter.baseModelName}.`);
        }
        return 0;
    } finally {
        process.off("SIGINT", onInterrupt);
        await personalize.dispose();
    }
}

/** The chat model to teach: --model (added to the app's model list, so the app can use the adapter), else the app's. */
async function chatModelId(services: CliServices): Promise<string> {
    const choice = services.chatModel;
    if (choice === null) throw new UsageError("No chat model: pass --model PATH, or load a chat model in the app first.");
    if (!choice.modelId.startsWith("cli:")) return choice.modelId;
    const models = new ModelService(new ModelRepository(services.db), services.engine, null);
    const added = await models.addFromPath(choice.path);
    if (added.role !== "chat") throw new UsageError(`${added.fileName} is not a chat model: pass a chat (instruct) model with --model.`);
    return added.id;
}

/** Library ids as they are; paths are indexed first (unchanged files are not read again). */
async function resolveDocuments(services: CliServices, docs: readonly string[], output: CliOutput): Promise<string[]> {
    const ids: string[] = [];
    const paths: string[] = [];
    for (const doc of docs) {
        if (fs.existsSync(doc)) paths.push(doc);
        else if (services.store.getDocument(doc) !== undefined) ids.push(doc);
        else throw new UsageError(`"${doc}" is neither a file or folder nor a document id in the library.`);
    }
    if (paths.length === 0) return ids;
    if (services.embeddingModel === null)
        throw new UsageError("To add files to the library an embedding model is needed: pass --embedding-model PATH or choose one in the app.");
    const { ingest } = services;
    ingest.start();
    const added = await ingest.add(paths);
    const view = new IngestProgressView(output.stream);
    const unsubscribe = ingest.onProgress((progress) => view.update(progress));
    try {
        await ingest.idle();
    } finally {
        unsubscribe();
        view.stop(ingest.progress());
    }
    const documents = [...added.queued, ...added.unchanged].map((document) => services.store.getDocument(document.id) ?? document);
    for (const document of documents.filter((item) => item.status !== "indexed"))
        output.err(`Left out ${document.displayName}: ${document.statusReason ?? `it is ${document.status}`}`);
    return [...ids, ...documents.map((document) => document.id)];
}

function printSummary(run: TrainingRunInfo, adapter: StoredAdapter, output: CliOutput): void {
    const how = run.stoppedBy === "cancelled" ? "stopped early" : run.stoppedBy === "max-steps" ? "step limit reached" : "time budget used";
    output.out(`Saved adapter "${adapter.name}" (${how}, ${formatDuration(run.elapsedSeconds)}).`);
    const loss = adapter.lossBefore !== null && adapter.lossAfter !== null
        ? `${adapter.lossBefore.toFixed(3)} → ${adapter.lossAfter.toFixed(3)}`
        : adapter.lossAfter !== null ? `→ ${adapter.lossAfter.toFixed(3)}` : "not measured";
    const on = adapter.lossOn === "held-out" ? "on held-out documents" : "on the training text";
    output.out(`  loss ${on}: ${loss}`);
    const pairs = run.pairCount > 0 ? ` and ${plural(run.pairCount, "question-answer pair")}` : "";
    output.out(`  trained on ${plural(adapter.tokensTrained, "token")} in ${plural(adapter.steps, "step")}, from ${plural(run.documentCount, "document")}${pairs}`);
    output.out(`  base model: ${adapter.baseModelName}; id ${adapter.id}`);
}
