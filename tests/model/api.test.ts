import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiStatus } from "../../src-main/common/contract/apiTypes.js";
import type { Events } from "../../src-main/common/contract/events.js";
import type { ModelInfo } from "../../src-main/common/contract/types.js";
import { createServices, type Services } from "../../src-main/services/createServices.js";
import { ensureSyntheticModel } from "../support/gguf/ensureSyntheticModel.js";
import { syntheticModels } from "../support/gguf/syntheticModels.js";

let services: Services;
let dataDir = "";
let client: OpenAI;
let status: ApiStatus;
const ids: Record<string, ModelInfo> = {};

async function value<T>(result: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
    const r = await result;
    if (!r.ok) throw new Error(`call failed: ${JSON.stringify(r.error)}`);
    return r.value as T;
}
const call: Services["dispatcher"]["dispatch"] = (m, a) => services.dispatcher.dispatch(m, a);

async function load(name: "tiny-q8_0" | "scripted-cite" | "scripted-tool"): Promise<string> {
    await value(call("models.load", { modelId: ids[name]!.id }));
    return ids[name]!.fileName.replace(/\.gguf$/, "");
}

beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "locus-api-"));
    const docs = path.join(dataDir, "docs");
    fs.mkdirSync(docs);
    fs.writeFileSync(path.join(docs, "sea.md"), "# The sea\n\nIn winter the water of the harbour turns a deep teal.\n");
    services = await createServices({ dataDir, host: "browser", engine: { gpu: false, contextSize: 1024, threads: 2 }, maxAnswerTokens: 64 });
    for (const name of ["tiny-q8_0", "scripted-cite", "scripted-tool", "tiny-embed"] as const)
        ids[name] = await value<ModelInfo>(call("models.addFromPath", { path: await ensureSyntheticModel(name) }));
    await value(call("settings.update", { embeddingModelId: ids["tiny-embed"]!.id }));
    await value(call("library.addPaths", { paths: [docs] }));
    const deadline = Date.now() + 60_000;
    while (services.library.documents().some((d) => d.status !== "indexed") && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    status = await value<ApiStatus>(call("api.configure", { enabled: true, port: 20000 + (process.pid % 20000) }));
    client = new OpenAI({ apiKey: status.token, baseURL: status.url!, maxRetries: 0 });
});
afterAll(async () => {
    await services?.dispose();
    fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("the local API on the app's own services", () => {
    it("is off by default, then listens on 127.0.0.1 with a generated token", async () => {
        const fresh = fs.mkdtempSync(path.join(os.tmpdir(), "locus-api-off-"));
        const other = await createServices({ dataDir: fresh, host: "browser", engine: { gpu: false, contextSize: 512, threads: 1 } });
        try {
            expect(await value<ApiStatus>(other.dispatcher.dispatch("api.status", {}))).toMatchObject({ enabled: false, running: false, url: null, listen: "loopback" });
        } finally {
            await other.dispose();
            fs.rmSync(fresh, { recursive: true, force: true });
        }
        expect(status).toMatchObject({ enabled: true, running: true, error: null });
        expect(status.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
        expect(status.token).toMatch(/^locus-[A-Za-z0-9_-]{43}$/);
    });

    it("lists the installed chat and embedding models and locus-library, marking what is in use", async () => {
        const name = await load("tiny-q8_0");
        const models = (await client.models.list()).data as unknown as { id: string; role: string; ready: boolean }[];
        expect(models).toEqual(expect.arrayContaining([
            expect.objectContaining({ id: name, role: "chat", ready: true }),
            expect.objectContaining({ id: ids["scripted-cite"]!.fileName.replace(/\.gguf$/, ""), role: "chat", ready: false }),
            expect.objectContaining({ id: ids["tiny-embed"]!.fileName.replace(/\.gguf$/, ""), role: "embedding", ready: true }),
            expect.objectContaining({ id: "locus-library", role: "library", ready: true })
        ]));
    });

    it("answers the same with the same seed, and streams what it answers whole", async () => {
        const name = await load("tiny-q8_0");
        const ask = { model: name, messages: [{ role: "user" as const, content: "Tell me about the sea." }], temperature: 0.9, seed: 1234, max_tokens: 24 };
        const first = await client.chat.completions.create(ask);
        const second = await client.chat.completions.create(ask);
        expect(first.choices[0]!.message.content).toBe(second.choices[0]!.message.content);
        expect(first.choices[0]!.finish_reason).toBe("length");
        expect(first.usage).toMatchObject({ completion_tokens: 24 });
        expect(first.usage!.prompt_tokens).toBeGreaterThan(5);

        const stream = await client.chat.completions.create({ ...ask, stream: true, stream_options: { include_usage: true } });
        let text = "";
        let usage: unknown = null;
        for await (const chunk of stream) {
            text += chunk.choices[0]?.delta.content ?? "";
            usage = chunk.usage ?? usage;
        }
        expect(text).toBe(first.choices[0]!.message.content);
        expect(usage).toEqual(first.usage);
    });

    it("stops at a stop sequence, leaving it out", async () => {
        const name = await load("tiny-q8_0");
        // Seeded sampling repeats itself (greedy decoding makes the random model write only newlines).
        const ask = { model: name, messages: [{ role: "user" as const, content: "Count for me." }], temperature: 0.9, seed: 5, max_tokens: 24 };
        const whole = (await client.chat.completions.create(ask)).choices[0]!.message.content!;
        // A stop sequence from that answer: two visible characters, first seen after its start.
        const at = Array.from({ length: whole.length }, (_, i) => i).find((i) => i > 0 && /^\S{2}$/.test(whole.slice(i, i + 2)) && whole.indexOf(whole.slice(i, i + 2)) === i);
        expect(at, JSON.stringify(whole)).toBeDefined();
        const stop = whole.slice(at!, at! + 2);
        const stopped = await client.chat.completions.create({ ...ask, stop: [stop] });
        expect(stopped.choices[0]).toMatchObject({ finish_reason: "stop", message: { content: whole.slice(0, whole.indexOf(stop)) } });
    });

    it("holds the answer to a JSON schema with a grammar, even from a random model", async () => {
        const name = await load("tiny-q8_0");
        const completion = await client.chat.completions.create({
            model: name, messages: [{ role: "user", content: "Pick a colour." }], max_tokens: 200, temperature: 0.8, seed: 3,
            response_format: {
                type: "json_schema",
                json_schema: { name: "pick", schema: { type: "object", properties: { colour: { enum: ["red", "green", "blue"] }, bright: { type: "boolean" } }, required: ["colour", "bright"] } }
            }
        });
        const parsed = JSON.parse(completion.choices[0]!.message.content!) as { colour: string; bright: boolean };
        expect(["red", "green", "blue"]).toContain(parsed.colour);
        expect(typeof parsed.bright).toBe("boolean");
    });

    it("calls tools in the model's own syntax and takes the results back", async () => {
        const name = await load("scripted-tool");
        const tools = [{ type: "function" as const, function: { name: "lookup_weather", description: "The weather now", parameters: { type: "object", properties: { city: { enum: ["Oslo", "Bergen"] } }, required: ["city"] } } }];
        const messages: OpenAI.Chat.ChatCompletionMessageParam[] = [{ role: "user", content: "What is the weather in Oslo?" }];
        const first = await client.chat.completions.create({ model: name, messages, tools, temperature: 0 });
        const choice = first.choices[0]!;
        expect(choice.finish_reason).toBe("tool_calls");
        const toolCall = choice.message.tool_calls![0]! as OpenAI.Chat.ChatCompletionMessageFunctionToolCall;
        expect(toolCall).toMatchObject({ type: "function", function: { name: "lookup_weather" } });
        expect(["Oslo", "Bergen"]).toContain((JSON.parse(toolCall.function.arguments) as { city: string }).city);

        const streamed = await client.chat.completions.create({ model: name, messages, tools, temperature: 0, stream: true });
        const deltas: OpenAI.Chat.ChatCompletionChunk.Choice.Delta.ToolCall[] = [];
        let finish: string | null = null;
        for await (const chunk of streamed) {
            deltas.push(...(chunk.choices[0]?.delta.tool_calls ?? []));
            finish = chunk.choices[0]?.finish_reason ?? finish;
        }
        expect(finish).toBe("tool_calls");
        expect(deltas[0]).toMatchObject({ index: 0, type: "function", function: { name: "lookup_weather" } });

        const followUp = await client.chat.completions.create({
            model: name, tools, temperature: 0,
            messages: [...messages, choice.message, { role: "tool", tool_call_id: toolCall.id, content: JSON.stringify({ sky: "clear" }) }]
        });
        expect(followUp.choices[0]!.finish_reason).toMatch(/^(stop|tool_calls|length)$/);
        const without = await client.chat.completions.create({ model: name, messages, tools, tool_choice: "none", temperature: 0, max_tokens: 8 });
        expect(without.choices[0]!.message.tool_calls).toBeUndefined();
    });

    it("completes plain text, streamed and whole", async () => {
        const name = await load("tiny-q8_0");
        const whole = await client.completions.create({ model: name, prompt: "Once upon a time", max_tokens: 12, temperature: 0 });
        expect(whole.choices[0]).toMatchObject({ finish_reason: "length" });
        expect(whole.usage).toMatchObject({ completion_tokens: 12 });
        const stream = await client.completions.create({ model: name, prompt: "Once upon a time", max_tokens: 12, temperature: 0, stream: true });
        let text = "";
        for await (const chunk of stream) text += chunk.choices[0]?.text ?? "";
        expect(text).toBe(whole.choices[0]!.text);
    });

    it("embeds with the library's embedding model: the same vectors the library gets", async () => {
        const name = ids["tiny-embed"]!.fileName.replace(/\.gguf$/, "");
        const response = await client.embeddings.create({ model: name, input: ["deep teal harbour", "grey sky"] });
        const embedder = (await services.library.embedders.get())!;
        const direct = await embedder.embedMany(["deep teal harbour", "grey sky"]);
        expect(response.data).toHaveLength(2);
        for (const [index, item] of response.data.entries())
            expect(item.embedding.map((v) => Math.round(v * 1e5))).toEqual(Array.from(direct[index]!, (v) => Math.round(v * 1e5)));
        expect(response.usage.prompt_tokens).toBeGreaterThan(2);
        const tooLong = await client.embeddings.create({ model: name, input: "word ".repeat(5000) }).then(() => null, (error: unknown) => error);
        expect(tooLong).toMatchObject({ status: 400 });
    });

    it("answers from the library with the citations checked and the passages in a citations field", async () => {
        await load("scripted-cite");
        const completion = await client.chat.completions.create({ model: "locus-library", messages: [{ role: "user", content: "What colour is the harbour in winter?" }] });
        expect(completion.choices[0]!.message.content).toBe("In winter the harbour turns deep teal [1], never grey.");
        const citations = (completion as unknown as { citations: { number: number; file: string; heading: string[]; passage: string; page: number | null }[] }).citations;
        expect(citations).toEqual([expect.objectContaining({ number: 1, file: "sea.md", heading: ["The sea"], page: null })]);
        expect(citations[0]!.passage).toContain("deep teal");

        const stream = await client.chat.completions.create({ model: "locus-library", messages: [{ role: "user", content: "What colour is the harbour in winter?" }], stream: true });
        let streamed = "";
        let last: Record<string, unknown> = {};
        for await (const chunk of stream) {
            streamed += chunk.choices[0]?.delta.content ?? "";
            last = chunk as unknown as Record<string, unknown>;
        }
        expect(streamed).toBe(syntheticModels["scripted-cite"].answer);
        expect(last).toMatchObject({ checked_content: "In winter the harbour turns deep teal [1], never grey.", citations: [expect.objectContaining({ number: 1, file: "sea.md" })] });
    });

    it("searches the library like an OpenAI vector store, without generating", async () => {
        const page = await client.vectorStores.search("locus-library", { query: "harbour winter colour", max_num_results: 3 });
        const results = page.data;
        expect(results[0]).toMatchObject({ filename: "sea.md", attributes: expect.objectContaining({ heading: "The sea" }) });
        expect(results[0]!.content[0]!.text).toContain("deep teal");
        expect(results[0]!.score).toBeGreaterThan(0);
        expect(results[0]!.score).toBeLessThanOrEqual(1);
        await expect(client.vectorStores.search("other-store", { query: "x" })).rejects.toMatchObject({ status: 404 });
        expect(await client.vectorStores.retrieve("locus-library")).toMatchObject({ id: "locus-library", file_counts: { completed: 1, total: 1 } });
    });

    it("shares the model fairly: the app's chat runs right after the API request in progress, before other queued ones", async () => {
        const name = await load("tiny-q8_0");
        const order: string[] = [];
        const ask = async (label: string) => {
            const stream = await client.chat.completions.create({ model: name, messages: [{ role: "user", content: label }], max_tokens: 16, temperature: 0, stream: true });
            let first = true;
            for await (const chunk of stream) if (first && chunk.choices[0]?.delta.content) { order.push(label); first = false; }
        };
        const a = ask("api-1");
        a.catch(() => undefined);
        await expect.poll(() => order, { timeout: 60_000 }).toEqual(["api-1"]);
        const b = ask("api-2");
        b.catch(() => undefined);
        await expect.poll(() => services.turns.waiting("api"), { timeout: 10_000 }).toBe(1);
        const chat = await value<{ id: string }>(call("chats.create", {}));
        const done = new Promise<Events["chat.done"]>((resolve) => {
            const off = services.events.subscribe((m) => {
                if (m.event === "chat.token" && !order.includes("app")) order.push("app");
                if (m.event === "chat.done") { off(); resolve(m.payload); }
            });
        });
        await value(call("chats.send", { chatId: chat.id, text: "Hello from the app" }));
        await Promise.all([a, b, done]);
        expect((await done).reason).toMatch(/^(done|max-tokens)$/);
        expect(order).toEqual(["api-1", "app", "api-2"]);
    });

    it("a client that disconnects mid-stream stops generation, and the next request is answered at once", async () => {
        const name = await load("tiny-q8_0");
        const controller = new AbortController();
        const stream = await client.chat.completions.create(
            { model: name, messages: [{ role: "user", content: "Go on forever." }], max_tokens: 4000, temperature: 0.9, stream: true },
            { signal: controller.signal }
        );
        let received = 0;
        const started = Date.now();
        await (async () => { for await (const _chunk of stream) if (++received === 5) controller.abort(); })().catch(() => undefined);
        const next = await client.chat.completions.create({ model: name, messages: [{ role: "user", content: "Hi" }], max_tokens: 4 });
        expect(next.choices[0]!.finish_reason).toBe("length");
        // 4000 tokens would take far longer than this on two cores: the abandoned answer stopped.
        expect(Date.now() - started).toBeLessThan(20_000);
    });

    it("says no model is loaded with 503 and tells the client not to retry", async () => {
        await value(call("models.unload", {}));
        const error = await client.chat.completions.create({ model: "locus-library", messages: [{ role: "user", content: "Hi" }] }).then(() => null, (e: unknown) => e);
        expect(error).toMatchObject({ status: 503, code: "model_not_loaded" });
        expect((error as InstanceType<typeof OpenAI.APIError>).headers?.get("x-should-retry")).toBe("false");
    });

    it("refuses the old token once rotated", async () => {
        const rotated = await value<ApiStatus>(call("api.rotateToken", {}));
        expect(rotated.token).not.toBe(status.token);
        await expect(client.models.list()).rejects.toMatchObject({ status: 401 });
        const fresh = new OpenAI({ apiKey: rotated.token, baseURL: rotated.url!, maxRetries: 0 });
        expect((await fresh.models.list()).data.length).toBeGreaterThan(0);
        client = fresh;
        status = rotated;
    });

    it("serves one library model and vector store per collection, answering and searching only its documents", async () => {
        const sea = await value<{ id: string }>(call("collections.create", { name: "Sea notes" }));
        const land = await value<{ id: string }>(call("collections.create", { name: "Land" }));
        const [seaDoc] = services.library.documents();
        await value(call("library.setCollection", { documentId: seaDoc!.id, collectionId: sea.id }));
        const landDir = path.join(dataDir, "land");
        fs.mkdirSync(landDir);
        fs.writeFileSync(path.join(landDir, "hills.md"), "# The hills\n\nIn spring the grass on the hills turns a bright gold.\n");
        await value(call("library.addPaths", { paths: [landDir], collectionId: land.id }));
        const deadline = Date.now() + 60_000;
        while (services.library.documents().some((d) => d.status !== "indexed") && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
        await load("scripted-cite");

        const listed = (await client.models.list()).data.map((model) => model.id);
        expect(listed).toEqual(expect.arrayContaining(["locus-library", "locus-library:Sea notes", "locus-library:Land"]));
        const question = { messages: [{ role: "user" as const, content: "What colour is the harbour in winter?" }] };
        const citedFiles = async (model: string) =>
            ((await client.chat.completions.create({ model, ...question })) as unknown as { citations: { file: string }[] }).citations.map((c) => c.file);
        expect(await citedFiles("locus-library:Sea notes")).toEqual(["sea.md"]);
        expect(await citedFiles("locus-library:Land")).not.toContain("sea.md");

        const files = async (store: string) => (await client.vectorStores.search(store, { query: "harbour winter colour", max_num_results: 5 })).data.map((hit) => hit.filename);
        expect(await files("locus-library:Sea notes")).toEqual(["sea.md"]);
        expect(await files("locus-library:Land")).toEqual(["hills.md"]);
        expect(new Set(await files("locus-library"))).toEqual(new Set(["sea.md", "hills.md"]));
        expect(await client.vectorStores.retrieve("locus-library:Land")).toMatchObject({ id: "locus-library:Land", name: "Land", file_counts: { completed: 1, total: 1 } });
        expect((await client.vectorStores.list()).data.map((store) => store.id)).toEqual(["locus-library", "locus-library:Land", "locus-library:Sea notes"]);
    });
});
