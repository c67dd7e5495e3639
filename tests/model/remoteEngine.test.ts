import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiStatus } from "../../src-main/common/contract/apiTypes.js";
import type { Events } from "../../src-main/common/contract/events.js";
import type { ChatDetail, ModelInfo } from "../../src-main/common/contract/types.js";
import { createServices, type Services } from "../../src-main/services/createServices.js";
import { ensureSyntheticModel } from "../support/gguf/ensureSyntheticModel.js";
import { startLlamaServer, type RunningLlamaServer } from "../support/llamaCpp/startLlamaServer.js";

let services: Services;
let dataDir = "";
const servers: RunningLlamaServer[] = [];

async function value<T>(result: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
    const r = await result;
    if (!r.ok) throw new Error(`call failed: ${JSON.stringify(r.error)}`);
    return r.value as T;
}
const call: Services["dispatcher"]["dispatch"] = (m, a) => services.dispatcher.dispatch(m, a);

/** Sends a chat message and resolves with the end of the answer; `onToken` sees each streamed piece. */
async function send(text: string, mode: "chat" | "library", onToken?: (count: number, chatId: string) => void): Promise<{ done: Events["chat.done"]; chat: ChatDetail }> {
    const { id: chatId } = await value<{ id: string }>(call("chats.create", {}));
    let tokens = 0;
    const done = new Promise<Events["chat.done"]>((resolve) => {
        const off = services.events.subscribe((m) => {
            if (m.event === "chat.token" && m.payload.chatId === chatId) onToken?.(++tokens, chatId);
            if (m.event === "chat.done" && m.payload.chatId === chatId) { off(); resolve(m.payload); }
        });
    });
    await value(call("chats.send", { chatId, text, mode }));
    const finished = await done;
    return { done: finished, chat: await value<ChatDetail>(call("chats.get", { chatId })) };
}

function useServer(server: RunningLlamaServer, model: string): void {
    // Short deadlines: a dead server must be reported within seconds in these tests.
    services.remote.configure({ mode: "remote", baseUrl: server.url, model, firstTokenTimeoutSeconds: 60, idleTimeoutSeconds: 10 });
}

beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "locus-remote-"));
    const docs = path.join(dataDir, "docs");
    fs.mkdirSync(docs);
    fs.writeFileSync(path.join(docs, "sea.md"), "# The sea\n\nIn winter the water of the harbour turns a deep teal.\n");
    services = await createServices({ dataDir, host: "browser", engine: { gpu: false, contextSize: 1024, threads: 1 }, maxAnswerTokens: 300 });
    const embedder = await value<ModelInfo>(call("models.addFromPath", { path: await ensureSyntheticModel("tiny-embed") }));
    await value(call("settings.update", { embeddingModelId: embedder.id }));
    await value(call("library.addPaths", { paths: [docs] }));
    const deadline = Date.now() + 60_000;
    while (services.library.documents().some((d) => d.status !== "indexed") && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
});
afterAll(async () => {
    for (const server of servers) await server.stop(true);
    await services?.dispose();
    fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("the remote engine against llama-server built from the bundled llama.cpp", () => {
    it("streams the app's chat from the server with no model loaded here, and Stop keeps the partial answer", async () => {
        const server = await startLlamaServer(await ensureSyntheticModel("tiny-q8_0"), { threads: 1, contextSize: 2048, alias: "tiny" });
        servers.push(server);
        useServer(server, "tiny");
        expect(services.engine.status.state).toBe("idle");
        expect(await value(call("remote.check", {}))).toMatchObject({ ok: true, models: ["tiny"] });

        const result = await send("Tell me a long story.", "chat", (count, chatId) => {
            if (count === 5) void value(call("chats.stop", { chatId }));
        });
        expect(result.done.reason).toBe("stopped");
        const answer = result.chat.messages.at(-1)!;
        expect(answer).toMatchObject({ role: "assistant", status: "stopped" });
        expect(answer.content.length).toBeGreaterThan(0);

        // Other apps asking Locus get the server's model too.
        const api = await value<ApiStatus>(call("api.configure", { enabled: true, port: 22000 + (process.pid % 20000) }));
        const client = new OpenAI({ apiKey: api.token, baseURL: api.url!, maxRetries: 0 });
        expect((await client.models.list()).data[0]).toMatchObject({ id: "tiny", ready: true });
        const completion = await client.chat.completions.create({ model: "tiny", messages: [{ role: "user", content: "Hi" }], max_tokens: 5 });
        expect(completion.usage?.completion_tokens).toBe(5);
        await value(call("api.configure", { enabled: false }));
    });

    it("answers library questions on the server while the passages and citations stay here", async () => {
        const server = await startLlamaServer(await ensureSyntheticModel("scripted-cite"), { threads: 1, contextSize: 2048, alias: "scripted" });
        servers.push(server);
        useServer(server, "scripted");
        const { done } = await send("What colour is the harbour in winter?", "library");
        expect(done).toMatchObject({ reason: "done", content: "In winter the harbour turns deep teal [1], never grey." });
        expect(done.citations).toEqual([expect.objectContaining({ number: 1, documentName: "sea.md", headingPath: ["The sea"] })]);
    });

    it("reports a server that dies mid-answer in the chat, and the app keeps working on this computer", async () => {
        const server = await startLlamaServer(await ensureSyntheticModel("tiny-q8_0"), { threads: 1, contextSize: 2048, alias: "tiny" });
        servers.push(server);
        useServer(server, "tiny");
        const { done, chat } = await send("Tell me a long story.", "chat", (count) => {
            if (count === 3) void server.stop(true);
        });
        expect(done.reason).toBe("error");
        expect(done.error).toMatch(/The server at http:\/\/127\.0\.0\.1:\d+\/v1 (stopped in the middle of the answer|did not answer).*switch back to this computer in Settings → Engine/);
        expect(chat.messages.at(-1)).toMatchObject({ status: "error" });

        // Unreachable now: said at once, not after a timeout (a kept-alive connection reads as cut).
        const started = Date.now();
        const refused = await send("Are you there?", "chat");
        expect(refused.done.error).toMatch(/cannot reach the server .* \((nothing is listening there|the connection was cut)\)/s);
        expect(Date.now() - started).toBeLessThan(5000);

        await value(call("remote.configure", { mode: "local" }));
        const model = await value<ModelInfo>(call("models.addFromPath", { path: await ensureSyntheticModel("tiny-q8_0") }));
        await value(call("models.load", { modelId: model.id }));
        const local = await send("Hello again", "chat", (count, chatId) => {
            if (count === 3) void value(call("chats.stop", { chatId }));
        });
        expect(local.done.reason).toMatch(/^(done|stopped)$/);
        expect(local.chat.messages.at(-1)!.content.length).toBeGreaterThan(0);
    });
});

describe("embeddings from a server", () => {
    it("re-indexes the library with the server's embedding model, whose vectors match this computer's for the same model, and search and the API use it", async () => {
        const embedPath = await ensureSyntheticModel("tiny-embed");
        const server = await startLlamaServer(embedPath, { threads: 1, contextSize: 512, alias: "tiny-embed-remote", embeddings: true });
        servers.push(server);
        const before = services.library.store.embeddingModel()?.id;
        services.remote.configure({ mode: "local", remoteEmbeddings: true, embeddingBaseUrl: server.url, embeddingModel: "tiny-embed-remote" });
        const remoteEmbedder = (await services.remote.embedder())!;
        expect(remoteEmbedder.identity).toMatchObject({ fileName: "remote:tiny-embed-remote", architecture: "remote", dimension: 64 });

        // The same weights embed the same: the server's vectors are this computer's.
        const local = (await services.library.embedders.get())!;
        const texts = ["In winter the harbour turns teal.", "Boats pay nine silver marks."];
        const [remoteVectors, localVectors] = [await remoteEmbedder.embedMany(texts), await local.embedMany(texts)];
        for (const [i, vector] of remoteVectors.entries()) {
            const cosine = vector.reduce((sum, v, j) => sum + v * localVectors[i]![j]!, 0);
            expect(cosine).toBeGreaterThan(0.999);
        }

        // The library is indexed again with it, and library questions still find and cite the passage.
        const deadline = Date.now() + 60_000;
        while ((services.library.store.embeddingModel()?.id === before || services.library.documents().some((d) => d.status !== "indexed")) && Date.now() < deadline)
            await new Promise((r) => setTimeout(r, 200));
        expect(services.library.store.embeddingModel()?.id).not.toBe(before);
        expect(services.library.documents().map((d) => d.status)).toEqual(["indexed"]);
        const scripted = await value<ModelInfo>(call("models.addFromPath", { path: await ensureSyntheticModel("scripted-cite") }));
        await value(call("models.load", { modelId: scripted.id }));
        const { done } = await send("What colour is the harbour in winter?", "library");
        expect(done.citations).toEqual([expect.objectContaining({ number: 1, documentName: "sea.md" })]);

        const api = await value<ApiStatus>(call("api.configure", { enabled: true, port: 26000 + (process.pid % 20000) }));
        const client = new OpenAI({ apiKey: api.token, baseURL: api.url!, maxRetries: 0 });
        expect((await client.models.list()).data).toEqual(expect.arrayContaining([expect.objectContaining({ id: "tiny-embed-remote", role: "embedding", ready: true })]));
        const viaApi = await client.embeddings.create({ model: "tiny-embed-remote", input: texts[0]! });
        expect(viaApi.data[0]!.embedding.map((v) => Math.round(v * 1e4))).toEqual(Array.from(remoteVectors[0]!, (v) => Math.round(v * 1e4)));
        await value(call("api.configure", { enabled: false }));

        // The embedding server gone: the question in flight says so; later ones are answered by keywords, saying why.
        await server.stop(true);
        const failed = await send("What colour is the harbour in winter?", "library");
        expect(failed.done).toMatchObject({ reason: "error", error: expect.stringMatching(/cannot reach the server at http:\/\/127\.0\.0\.1:\d+\/v1/) });
        const fallback = await send("What colour is the harbour in winter?", "library");
        expect(fallback.done.notice).toMatch(/^Searched by keywords only: Locus cannot reach the server at http:\/\/127\.0\.0\.1:\d+\/v1/);
        expect(fallback.done.citations).toEqual([expect.objectContaining({ number: 1, documentName: "sea.md" })]);
        services.remote.configure({ remoteEmbeddings: false });
    });
});
