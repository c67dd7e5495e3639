import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Events } from "../../src-main/common/contract/events.js";
import type { ChatDetail, ModelInfo } from "../../src-main/common/contract/types.js";
import { createServices, type Services } from "../../src-main/services/createServices.js";
import { ensureSyntheticModel } from "../support/gguf/ensureSyntheticModel.js";
import { syntheticModels } from "../support/gguf/syntheticModels.js";

const dirs: string[] = [];
const open: Services[] = [];
afterEach(async () => {
    for (const services of open.splice(0)) await services.dispose();
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

async function value<T>(result: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
    const r = await result;
    if (!r.ok) throw new Error(`call failed: ${JSON.stringify(r.error)}`);
    return r.value as T;
}

describe("the scripted synthetic chat model", () => {
    it("answers with its script through ChatService, and in library mode the Answerer keeps the real citation [1] and drops the invented [7]", async () => {
        const script = syntheticModels["scripted-cite"].answer;
        const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "locus-scripted-"));
        dirs.push(dataDir);
        const docs = path.join(dataDir, "docs");
        fs.mkdirSync(docs);
        fs.writeFileSync(path.join(docs, "sea.md"), "# The sea\n\nIn winter the water of the harbour turns a deep teal.\n");
        const services = await createServices({ dataDir, host: "browser", engine: { gpu: false, contextSize: 1024, threads: 2 }, maxAnswerTokens: 64 });
        open.push(services);
        const call: Services["dispatcher"]["dispatch"] = (m, a) => services.dispatcher.dispatch(m, a);
        const chatModel = await value<ModelInfo>(call("models.addFromPath", { path: await ensureSyntheticModel("scripted-cite") }));
        const embedder = await value<ModelInfo>(call("models.addFromPath", { path: await ensureSyntheticModel("tiny-embed") }));
        await value(call("models.load", { modelId: chatModel.id }));
        await value(call("settings.update", { embeddingModelId: embedder.id }));
        await value(call("library.addPaths", { paths: [docs] }));
        await expect.poll(() => services.library.documents().map((d) => d.status), { timeout: 60_000 }).toEqual(["indexed"]);

        const ask = async (text: string, mode: "chat" | "library") => {
            const { id: chatId } = await value<{ id: string }>(call("chats.create", {}));
            const done = new Promise<Events["chat.done"]>((resolve) => {
                const off = services.events.subscribe((m) => { if (m.event === "chat.done") { off(); resolve(m.payload); } });
            });
            await value(call("chats.send", { chatId, text, mode }));
            return { done: await done, chat: await value<ChatDetail>(call("chats.get", { chatId })) };
        };

        // Plain chat: the script, word for word, ended by the model's own end-of-turn token.
        const plain = await ask("Hello?", "chat");
        expect(plain.done.reason).toBe("done");
        expect(plain.chat.messages.at(-1)!.content).toBe(script);

        // Library mode: same words; [1] points at the indexed passage, [7] pointed at nothing and is gone.
        const grounded = await ask("What colour is the harbour in winter?", "library");
        expect(grounded.done).toMatchObject({ reason: "done", content: "In winter the harbour turns deep teal [1], never grey." });
        expect(grounded.done.citations).toHaveLength(1);
        expect(grounded.done.citations![0]).toMatchObject({ number: 1, documentName: "sea.md", headingPath: ["The sea"] });
        const stored = grounded.chat.messages.at(-1)!;
        expect(stored).toMatchObject({ content: "In winter the harbour turns deep teal [1], never grey.", status: "done" });
        expect(stored.citations).toEqual(grounded.done.citations);
    });
});
