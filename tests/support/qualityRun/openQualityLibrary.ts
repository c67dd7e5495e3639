import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Events } from "../../../src-main/common/contract/events.js";
import type { ChatMode } from "../../../src-main/common/contract/types.js";
import { findStarterModels } from "../../../src-main/models/starter/findStarterModels.js";
import { createServices, type Services, type ServicesOptions } from "../../../src-main/services/createServices.js";
import { writeFictionalCorpus, type CorpusFile } from "../quality/index.js";
import { requireStarterModels } from "../starter/requireStarterModels.js";

export type QualityLibrary = {
    services: Services;
    dataDir: string;
    corpusDir: string;
    files: CorpusFile[];
    /** Asks one question in a new chat and waits for the finished answer. */
    ask(question: string, mode: ChatMode): Promise<Events["chat.done"] & { content: string }>;
    dispose(): Promise<void>;
};

/**
 * The app's own services on a fresh data folder, as a new user gets them: the starter models offered
 * and chosen, the fictional corpus added as a folder and indexed, the starter chat model loaded.
 */
export async function openQualityLibrary(options: { maxAnswerTokens?: number; training?: ServicesOptions["training"]; advisor?: ServicesOptions["advisor"] } = {}): Promise<QualityLibrary> {
    requireStarterModels();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "locus-quality-"));
    const corpusDir = path.join(dataDir, "corpus");
    fs.mkdirSync(corpusDir);
    const files = await writeFictionalCorpus(corpusDir);
    const services = await createServices({
        dataDir, host: "browser", starterModels: findStarterModels(), maxAnswerTokens: options.maxAnswerTokens ?? 160,
        engine: { gpu: false, threads: 2, contextSize: 4096 }, ...(options.training ? { training: options.training } : {}),
        ...(options.advisor ? { advisor: options.advisor } : {})
    });
    const added = await services.dispatcher.dispatch("library.addPaths", { paths: [corpusDir] });
    if (!added.ok) throw new Error(`could not add the corpus: ${added.error.message}`);
    await waitFor("the corpus to be indexed", () => services.library.documents().filter((d) => d.status === "indexed" || d.status === "failed").length === files.length, 300_000);
    const failed = services.library.documents().filter((d) => d.status === "failed");
    if (failed.length > 0) throw new Error(`documents failed to index: ${failed.map((d) => `${d.displayName}: ${d.statusReason}`).join("; ")}`);
    await waitFor("the starter chat model to load", () => services.engine.status.state === "ready", 120_000);

    return {
        services, dataDir, corpusDir, files,
        async ask(question, mode) {
            const created = await services.dispatcher.dispatch("chats.create", {});
            if (!created.ok) throw new Error(created.error.message);
            const chatId = (created.value as { id: string }).id;
            const done = new Promise<Events["chat.done"]>((resolve) => {
                const off = services.events.subscribe((m) => {
                    if (m.event === "chat.done" && m.payload.chatId === chatId) {
                        off();
                        resolve(m.payload);
                    }
                });
            });
            const sent = await services.dispatcher.dispatch("chats.send", { chatId, text: question, mode });
            if (!sent.ok) throw new Error(sent.error.message);
            const payload = await done;
            const content = payload.content ?? services.chats.get(chatId).messages.at(-1)?.content ?? "";
            return { ...payload, content };
        },
        async dispose() {
            await services.dispose();
            fs.rmSync(dataDir, { recursive: true, force: true });
        }
    };
}

async function waitFor(what: string, done: () => boolean, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
        if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
        await new Promise((resolve) => setTimeout(resolve, 200));
    }
}
