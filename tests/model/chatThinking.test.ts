import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { removeChatDataDirs, startChatServices, type ChatHarness } from "../support/chat/startChatServices.js";
import { ensureSyntheticModel } from "../support/gguf/ensureSyntheticModel.js";

const open: ChatHarness[] = [];
afterEach(async () => {
    for (const harness of open.splice(0)) await harness.dispose();
    removeChatDataDirs();
});

async function start(): Promise<ChatHarness> {
    const harness = await startChatServices({ maxAnswerTokens: 64 });
    open.push(harness);
    return harness;
}

const thought = "Source[2]: harbour colours vary by season";
const answer = "Deep teal [1] in winter. Check it with:\n\n    print(colour_of(sea))";

describe("a thinking model (synthetic, DeepSeek-R1 template)", () => {
    it("streams its thinking apart from the answer and stores them apart, with how long it thought", async () => {
        const h = await start();
        await h.loadModel("scripted-think");
        const { id: chatId } = await h.call("chats.create", {});
        const parts: { text: string; part?: string }[] = [];
        h.services.events.subscribe((m) => { if (m.event === "chat.token") parts.push(m.payload); });
        const done = h.nextDone();
        await h.call("chats.send", { chatId, text: "What colour is the harbour?" });
        const finished = await done;

        expect(parts.filter((p) => p.part === "thinking").map((p) => p.text).join("")).toBe(thought);
        expect(parts.filter((p) => p.part === undefined).map((p) => p.text).join("").trim()).toBe(answer);
        const stored = (await h.call("chats.get", { chatId })).messages[1]!;
        expect(stored.content).toBe(answer);
        expect(stored.thinking).toEqual({ text: thought, seconds: expect.any(Number) });
        expect(stored.content).not.toContain("Source");
        expect(finished.message).toMatchObject({ content: answer, thinking: { text: thought } });
        expect(stored.figures!.tokens).toBeGreaterThanOrEqual(15);
    });

    it("in library mode checks citations on the answer only: the [2] in its thinking is never a citation", async () => {
        const h = await start();
        const docs = path.join(h.dataDir, "docs");
        fs.mkdirSync(docs);
        fs.writeFileSync(path.join(docs, "harbour.md"), "# Harbour\n\nIn winter the harbour turns a deep teal.\n");
        fs.writeFileSync(path.join(docs, "boats.md"), "# Boats\n\nSource two: the ferries are painted red.\n");
        await h.loadModel("scripted-think");
        const embedder = await h.call("models.addFromPath", { path: await ensureSyntheticModel("tiny-embed") });
        await h.call("settings.update", { embeddingModelId: embedder.id });
        await h.call("library.addPaths", { paths: [docs] });
        await expect.poll(() => h.services.library.documents().map((d) => d.status), { timeout: 120_000 }).toEqual(["indexed", "indexed"]);

        const { id: chatId } = await h.call("chats.create", {});
        const done = h.nextDone();
        await h.call("chats.send", { chatId, text: "What colour is the harbour in winter?", mode: "library" });
        const finished = await done;
        expect(finished.reason).toBe("done");
        const stored = (await h.call("chats.get", { chatId })).messages[1]!;
        expect(stored.thinking?.text).toBe(thought);
        expect(stored.citations?.map((c) => c.number)).not.toContain(2);
        expect(stored.content).not.toContain("[2]");
        expect(stored.figures).toMatchObject({ mode: "library", sources: expect.any(Number) });
        // Exported without the thinking unless asked.
        const exported = await h.call("chats.export", { chatId, format: "markdown" });
        expect(exported.content).not.toContain("harbour colours vary");
        expect((await h.call("chats.export", { chatId, format: "markdown", includeThinking: true })).content).toContain("harbour colours vary");
    });

    it("answers without thinking when Settings asks thinking models not to think", async () => {
        const h = await start();
        await h.loadModel("scripted-think");
        await h.call("settings.update", { discourageThinking: true });
        const { id: chatId } = await h.call("chats.create", {});
        const done = h.nextDone();
        await h.call("chats.send", { chatId, text: "What colour is the harbour?" });
        expect((await done).reason).toBe("done");
        const stored = (await h.call("chats.get", { chatId })).messages[1]!;
        expect(stored.content).toBe(answer);
        expect(stored).not.toHaveProperty("thinking");
    });

    it("takes its default sampling from the model file's metadata, and the person's settings win over it", async () => {
        const h = await start();
        await h.loadModel("scripted-think");
        const { id: chatId } = await h.call("chats.create", {});
        const defaults = await h.call("chats.samplingDefaults", { chatId });
        expect(defaults.model).toEqual({ temperature: 0.6, topP: 0.95, topK: 20 });
        expect(defaults.chat.values).toMatchObject({ temperature: 0.6, topP: 0.95, topK: 20, maxTokens: 64 });
        expect(defaults.chat.from).toMatchObject({ temperature: "model", topK: "model", minP: "locus" });
        // Library answers stay greedy unless the person says otherwise.
        expect(defaults.library.values.temperature).toBe(0);

        await h.call("chats.configure", { chatId, sampling: { temperature: 1.2, seed: 5 } });
        const chosen = await h.call("chats.samplingDefaults", { chatId });
        expect(chosen.chat.values).toMatchObject({ temperature: 1.2, topK: 20, seed: 5 });
        expect(chosen.library.values.temperature).toBe(1.2);
        const done = h.nextDone();
        await h.call("chats.send", { chatId, text: "Hi" });
        await done;
        expect((await h.call("chats.get", { chatId })).messages[1]!.figures!.sampling).toMatchObject({ temperature: 1.2, topK: 20, seed: 5 });
    });
});
