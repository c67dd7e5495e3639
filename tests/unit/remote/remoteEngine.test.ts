import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { FileSecretStore } from "../../../src-main/remote/FileSecretStore.js";
import { RemoteChatGenerator } from "../../../src-main/remote/RemoteChatGenerator.js";
import { RemoteEmbedder } from "../../../src-main/remote/RemoteEmbedder.js";
import { RemoteEngine } from "../../../src-main/remote/RemoteEngine.js";
import { RemoteEngineError } from "../../../src-main/remote/RemoteEngineError.js";
import { serverAddress } from "../../../src-main/remote/serverAddress.js";

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, body: unknown) => void;
const servers: http.Server[] = [];
const dirs: string[] = [];
afterEach(async () => {
    for (const server of servers.splice(0)) {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
    }
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A stand-in for an OpenAI-compatible server, answering each request with `handler`. */
async function fakeServer(handler: Handler): Promise<string> {
    const server = http.createServer((req, res) => {
        let text = "";
        req.on("data", (chunk) => (text += chunk));
        req.on("end", () => handler(req, res, text === "" ? undefined : JSON.parse(text)));
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
}

function sse(res: http.ServerResponse, events: unknown[], end = true): void {
    res.writeHead(200, { "content-type": "text/event-stream" });
    for (const event of events) res.write(`data: ${JSON.stringify(event)}\n\n`);
    if (end) res.end("data: [DONE]\n\n");
}
const chunk = (content: string, finish: string | null = null) => ({ id: "x", object: "chat.completion.chunk", created: 1, model: "m", choices: [{ index: 0, delta: { content }, finish_reason: finish }] });
const generator = (baseUrl: string, extra: Partial<ConstructorParameters<typeof RemoteChatGenerator>[0]> = {}) =>
    new RemoteChatGenerator({ baseUrl, apiKey: "k", model: "big-model", firstTokenTimeoutSeconds: 1, idleTimeoutSeconds: 1, ...extra });
const ask = { messages: [{ role: "user" as const, text: "Hi" }] };

describe("serverAddress", () => {
    it("requires HTTPS except on this computer, and adds /v1 to a bare address", () => {
        expect(serverAddress("https://gpu.example:8080")).toBe("https://gpu.example:8080/v1");
        expect(serverAddress("https://gpu.example/openai/v1/")).toBe("https://gpu.example/openai/v1");
        expect(serverAddress("http://127.0.0.1:8080/v1")).toBe("http://127.0.0.1:8080/v1");
        expect(serverAddress("http://localhost:8000")).toBe("http://localhost:8000/v1");
        expect(serverAddress("http://[::1]:8000/v1")).toBe("http://[::1]:8000/v1");
        expect(() => serverAddress("http://gpu.example:8080/v1")).toThrow(/Use https:\/\/ for gpu.example:8080/);
        expect(() => serverAddress("http://192.168.1.20:8080/v1")).toThrow(/unencrypted/);
        expect(() => serverAddress("ftp://gpu.example")).toThrow(/https/);
        expect(() => serverAddress("https://user:key@gpu.example")).toThrow(/its own field/);
        expect(() => serverAddress("not an address")).toThrow(/not an address/);
    });
});

describe("RemoteChatGenerator", () => {
    it("streams the answer, sending the conversation, sampling (with llama-server's and vLLM's extras) and limits", async () => {
        let received: Record<string, unknown> = {};
        let auth = "";
        const url = await fakeServer((req, res, body) => {
            received = body as Record<string, unknown>;
            auth = req.headers.authorization ?? "";
            sse(res, [chunk("Hel"), chunk("lo"), { ...chunk("", "stop"), usage: null }, { id: "x", object: "chat.completion.chunk", created: 1, model: "m", choices: [], usage: { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 } }]);
        });
        const pieces: string[] = [];
        const result = await generator(url).generate({
            messages: [{ role: "system", text: "Be brief." }, { role: "user", text: "Hi" }], sampling: { temperature: 0, repeatPenalty: 1.1, topK: 40, seed: 3 },
            maxTokens: 50, stop: ["\n\n"], onText: (text) => pieces.push(text)
        });
        expect(result).toEqual({ text: "Hello", toolCalls: [], finish: "stop", promptTokens: 5, completionTokens: 2 });
        expect(pieces).toEqual(["Hel", "lo"]);
        expect(auth).toBe("Bearer k");
        expect(received).toMatchObject({
            model: "big-model", stream: true, stream_options: { include_usage: true }, max_tokens: 50, stop: ["\n\n"],
            temperature: 0, top_k: 40, seed: 3, repeat_penalty: 1.1, repetition_penalty: 1.1,
            messages: [{ role: "system", content: "Be brief." }, { role: "user", content: "Hi" }]
        });
    });

    it("collects tool calls streamed in pieces", async () => {
        const url = await fakeServer((_req, res) => sse(res, [
            { id: "x", object: "chat.completion.chunk", created: 1, model: "m", choices: [{ index: 0, delta: { tool_calls: [{ index: 0, id: "call_a", type: "function", function: { name: "lookup", arguments: "{\"ci" } }] }, finish_reason: null }] },
            { id: "x", object: "chat.completion.chunk", created: 1, model: "m", choices: [{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: "ty\":\"Oslo\"}" } }] }, finish_reason: "tool_calls" }] }
        ]));
        expect(await generator(url).generate(ask)).toMatchObject({ finish: "tool_calls", toolCalls: [{ id: "call_a", name: "lookup", arguments: "{\"city\":\"Oslo\"}" }] });
    });

    it("says plainly when nothing listens at the address", async () => {
        const url = await fakeServer(() => undefined);
        await new Promise((resolve) => servers.pop()!.close(resolve));
        const error = await generator(url).generate(ask).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(RemoteEngineError);
        expect((error as Error).message).toMatch(/cannot reach the server at http:\/\/127\.0\.0\.1:\d+\/v1 \(nothing is listening there\).*switch back to this computer/);
    });

    it("gives up on a server that hangs before answering, and on one that stalls mid-answer", async () => {
        const hanging = await fakeServer(() => undefined);
        const started = Date.now();
        await expect(generator(hanging).generate(ask)).rejects.toThrow(/did not answer for 1 s/);
        expect(Date.now() - started).toBeLessThan(5000);
        const stalling = await fakeServer((_req, res) => sse(res, [chunk("Hel")], false));
        await expect(generator(stalling).generate(ask)).rejects.toThrow(/did not answer for 1 s/);
    });

    it("reports a server that dies mid-answer, or ends without finishing", async () => {
        const dying = await fakeServer((_req, res) => {
            sse(res, [chunk("Hel")], false);
            setTimeout(() => res.socket?.destroy(), 50);
        });
        await expect(generator(dying).generate(ask)).rejects.toThrow(/stopped in the middle of the answer/);
        const unfinished = await fakeServer((_req, res) => sse(res, [chunk("Hel")]));
        await expect(generator(unfinished).generate(ask)).rejects.toThrow(/stopped in the middle of the answer/);
    });

    it("reports garbage as an answer it cannot read", async () => {
        const garbage = await fakeServer((_req, res) => {
            res.writeHead(200, { "content-type": "text/event-stream" });
            res.end("data: {this is not json\n\n");
        });
        await expect(generator(garbage).generate(ask)).rejects.toThrow(/sent an answer Locus cannot read/);
    });

    it("names a refused key and the server's own message for other refusals", async () => {
        const refusing = await fakeServer((_req, res) => {
            res.writeHead(401, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: "Invalid API Key", type: "authentication_error" } }));
        });
        await expect(generator(refusing).generate(ask)).rejects.toThrow(/refused the API key \(401\)/);
        const busy = await fakeServer((_req, res) => {
            res.writeHead(503, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: "Loading model", type: "unavailable_error" } }));
        });
        await expect(generator(busy).generate(ask)).rejects.toThrow(/refused the request \(503\): Loading model/);
    });

    it("Stop keeps what was written so far", async () => {
        const slow = await fakeServer((_req, res) => sse(res, [chunk("Hello"), chunk(" there")], false));
        const controller = new AbortController();
        const result = await generator(slow, { idleTimeoutSeconds: 30 }).generate({ ...ask, signal: controller.signal, onText: () => controller.abort() });
        expect(result).toMatchObject({ text: "Hello", finish: "aborted" });
    });
});

/** An OpenAI-shaped embeddings answer for `input`, each vector from `vectorOf`, listed in reverse order as a server may. */
function embeddingsAnswer(res: http.ServerResponse, input: string[], vectorOf: (text: string) => number[]): void {
    const data = input.map((text, index) => ({ object: "embedding", index, embedding: vectorOf(text) })).reverse();
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ object: "list", model: "e", data, usage: { prompt_tokens: 1, total_tokens: 1 } }));
}

describe("RemoteEmbedder", () => {
    it("learns the dimension from the server, batches inputs, keeps their order and returns unit vectors", async () => {
        const batches: number[] = [];
        let auth = "";
        const url = await fakeServer((req, res, body) => {
            const { input, model, encoding_format } = body as { input: string[]; model: string; encoding_format: string };
            auth = req.headers.authorization ?? "";
            expect({ model, encoding_format }).toEqual({ model: "embed-large", encoding_format: "float" });
            batches.push(input.length);
            embeddingsAnswer(res, input, (text) => [text.length, 0, 0, 0]);
        });
        const embedder = await RemoteEmbedder.connect({ baseUrl: url, apiKey: "ek", model: "embed-large", timeoutSeconds: 1 });
        expect(embedder.identity).toEqual({ fileName: "remote:embed-large", architecture: "remote", dimension: 4, sizeBytes: 0 });
        expect(auth).toBe("Bearer ek");
        const texts = Array.from({ length: 70 }, (_, i) => "x".repeat(i + 1));
        const done: number[] = [];
        const vectors = await embedder.embedMany(texts, (count) => done.push(count));
        expect(batches).toEqual([1, 32, 32, 6]);
        expect(done.at(-1)).toBe(70);
        expect(vectors.map((vector) => Array.from(vector))).toEqual(texts.map(() => [1, 0, 0, 0]));
        expect(Array.from(await embedder.embed("abc"))).toEqual([1, 0, 0, 0]);
    });

    it("reports an unreachable, hanging, refusing or garbage-sending embedding server as what to do, and a changed dimension", async () => {
        const gone = await fakeServer(() => undefined);
        await new Promise((resolve) => servers.pop()!.close(resolve));
        await expect(RemoteEmbedder.connect({ baseUrl: gone, apiKey: null, model: "e", timeoutSeconds: 1 })).rejects.toThrow(/cannot reach the server .*nothing is listening there/);
        const hanging = await fakeServer(() => undefined);
        const started = Date.now();
        await expect(RemoteEmbedder.connect({ baseUrl: hanging, apiKey: null, model: "e", timeoutSeconds: 1 })).rejects.toThrow(/did not answer for 1 s/);
        expect(Date.now() - started).toBeLessThan(5000);
        const refusing = await fakeServer((_req, res) => res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: "model 'e' not found" } })));
        await expect(RemoteEmbedder.connect({ baseUrl: refusing, apiKey: null, model: "e", timeoutSeconds: 1 })).rejects.toThrow(/says: model 'e' not found\. Check the address/);
        const short = await fakeServer((_req, res, body) => embeddingsAnswer(res, (body as { input: string[] }).input.slice(1), () => [1]));
        await expect(RemoteEmbedder.connect({ baseUrl: short, apiKey: null, model: "e", timeoutSeconds: 1 })).rejects.toThrow(/sent an answer Locus cannot read \(asked for 1 vectors, got 0\)/);
        let dimension = 3;
        const changing = await fakeServer((_req, res, body) => embeddingsAnswer(res, (body as { input: string[] }).input, () => new Array<number>(dimension).fill(1)));
        const embedder = await RemoteEmbedder.connect({ baseUrl: changing, apiKey: null, model: "e", timeoutSeconds: 1 });
        dimension = 5;
        await expect(embedder.embedMany(["a"])).rejects.toThrow(/now makes 5-dimensional vectors for "e", not 3/);
        await expect(embedder.embed("a")).rejects.toBeInstanceOf(RemoteEngineError);
    });
});

describe("RemoteEngine", () => {
    const engine = () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "locus-remote-"));
        dirs.push(dir);
        const values = new Map<string, unknown>();
        const store = { internal: (key: string) => values.get(key), setInternal: (key: string, value: unknown) => void values.set(key, value) };
        return { remote: new RemoteEngine(store, new FileSecretStore(path.join(dir, "secrets"))), dir };
    };

    it("keeps the key in a file only this user can read and never shows it", () => {
        const { remote, dir } = engine();
        const info = remote.configure({ mode: "remote", baseUrl: "https://gpu.example:8080", model: "qwen", apiKey: "sk-secret" });
        expect(info).toMatchObject({ mode: "remote", baseUrl: "https://gpu.example:8080/v1", model: "qwen", hasKey: true, keyStorage: "file" });
        expect(JSON.stringify(info)).not.toContain("sk-secret");
        const file = path.join(dir, "secrets", "remote-chat-key");
        expect(fs.readFileSync(file, "utf8")).toBe("sk-secret");
        expect(fs.statSync(file).mode & 0o777).toBe(0o600);
        expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
        expect(remote.generator()?.modelName).toBe("qwen");
        expect(remote.configure({ apiKey: null }).hasKey).toBe(false);
        expect(remote.configure({ mode: "local" }).mode).toBe("local");
        expect(remote.generator()).toBeNull();
    });

    it("embeds on a server only when switched on, with the chat server's address and key unless given others, and connects afresh after a failure", async () => {
        let seen: { auth: string; model: string }[] = [];
        let up = false;
        const url = await fakeServer((req, res, body) => {
            const { input, model } = body as { input: string[]; model: string };
            seen.push({ auth: req.headers.authorization ?? "", model });
            if (!up) res.writeHead(503, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: "Loading model" } }));
            else embeddingsAnswer(res, input, () => [0, 2]);
        });
        const { remote } = engine();
        remote.configure({ baseUrl: url, model: "chat", apiKey: "chat-key" });
        expect(await remote.embedder()).toBeNull();
        expect(() => remote.configure({ remoteEmbeddings: true })).toThrow(/embedding model's name/);
        const info = remote.configure({ remoteEmbeddings: true, embeddingModel: "embed" });
        expect(info).toMatchObject({ mode: "local", remoteEmbeddings: true, embeddingBaseUrl: "", embeddingModel: "embed", embeddingHasKey: false });
        await expect(remote.embedder()).rejects.toThrow(/refused the request \(503\): Loading model/);
        up = true;
        const embedder = await remote.embedder();
        expect(embedder?.identity).toMatchObject({ fileName: "remote:embed", dimension: 2 });
        expect(await remote.embedder()).toBe(embedder);
        expect(seen.at(-1)).toEqual({ auth: "Bearer chat-key", model: "embed" });
        // One that failed since is not handed out again: the next caller connects afresh.
        up = false;
        await expect(embedder!.embed("a")).rejects.toThrow(/503/);
        up = true;
        const again = await remote.embedder();
        expect(again).not.toBe(embedder);
        expect(again?.broken).toBe(false);
        seen = [];
        remote.configure({ embeddingBaseUrl: url.replace("/v1", ""), embeddingApiKey: "embed-key" });
        expect((await remote.embedder())?.identity.fileName).toBe("remote:embed");
        expect(seen).toEqual([{ auth: "Bearer embed-key", model: "embed" }]);
        expect(JSON.stringify(remote.info())).not.toContain("embed-key");
        expect(remote.configure({ remoteEmbeddings: false }).remoteEmbeddings).toBe(false);
        expect(await remote.embedder()).toBeNull();
        expect(() => remote.configure({ embeddingBaseUrl: "http://gpu.example:8081" })).toThrow(/https/);
    });

    it("refuses to switch to a server without an address and model, or over plain http to another machine", () => {
        const { remote } = engine();
        expect(() => remote.configure({ mode: "remote" })).toThrow(/address and the model name/);
        expect(() => remote.configure({ baseUrl: "http://gpu.example:8080" })).toThrow(/https/);
        expect(remote.info().mode).toBe("local");
    });

    it("tests the connection: the models the server lists and its context size, or what went wrong", async () => {
        const url = await fakeServer((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({
            object: "list", data: [{ id: "qwen", object: "model", created: 1, owned_by: "llamacpp", meta: { n_ctx: 8192, n_params: 7e9 } }]
        })));
        const { remote } = engine();
        remote.configure({ baseUrl: url, model: "qwen" });
        expect(await remote.check()).toEqual({ ok: true, message: `Connected to ${url}: qwen is ready (context 8,192 tokens).`, models: ["qwen"] });
        remote.configure({ model: "llama" });
        expect(await remote.check()).toMatchObject({ ok: false, message: 'The server answers, but it has no model "llama". It serves: qwen.' });
        remote.configure({ baseUrl: "http://127.0.0.1:9/v1" });
        expect((await remote.check()).message).toMatch(/cannot reach the server/);
    });
});
