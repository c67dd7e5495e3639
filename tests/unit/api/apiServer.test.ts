import http from "node:http";
import net from "node:net";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiDeps } from "../../../src-main/api/ApiDeps.js";
import { ApiServer } from "../../../src-main/api/ApiServer.js";
import { apiRoutes } from "../../../src-main/api/apiRoutes.js";
import { GenerationTurns } from "../../../src-main/engine/GenerationTurns.js";
import type { ChatGenerator, GenerationRequest, GenerationResult, TextEmbedder } from "../../../src-main/generation/types.js";

const TOKEN = "test-token-0123456789";

/** A generator that writes a fixed answer word by word, waiting `delayMs` per word, in turns like the engine. */
class ScriptedGenerator implements ChatGenerator {
    readonly modelName = "scripted";
    readonly where = "local";
    readonly turns = new GenerationTurns({ maxWaiting: 1, retryAfterSeconds: 1 });
    requests: GenerationRequest[] = [];
    aborted = 0;
    running = 0;
    delayMs = 0;
    words = ["Hello", " from", " Locus", "."];
    failAfter: number | null = null;

    answerModel() { return { contextSize: 1024, countTokens: (text: string) => text.length }; }
    complete(request: GenerationRequest & { prompt: string }): Promise<GenerationResult> { return this.generate({ ...request, messages: [{ role: "user", text: request.prompt }] }); }

    generate(request: GenerationRequest): Promise<GenerationResult> {
        this.requests.push(request);
        return this.turns.run("api", async () => {
            this.running++;
            try {
                let text = "";
                for (const [index, word] of this.words.entries()) {
                    if (request.signal?.aborted) { this.aborted++; return { text, toolCalls: [], finish: "aborted", promptTokens: 3, completionTokens: index }; }
                    if (this.failAfter === index) throw new Error("the model crashed");
                    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
                    text += word;
                    request.onText?.(word);
                }
                return { text, toolCalls: [], finish: "stop", promptTokens: 3, completionTokens: this.words.length };
            } finally {
                this.running--;
            }
        }, request.signal);
    }
}

const embedder: TextEmbedder = {
    modelName: "embedder",
    embed: async (texts) => ({ vectors: texts.map((text) => Float32Array.from([text.length, 0.5, -0.25])), tokens: texts.length * 2 })
};

const generator = new ScriptedGenerator();
const deps: ApiDeps = {
    models: () => [
        { id: "scripted", role: "chat", ready: true, created: 1 },
        { id: "other-chat", role: "chat", ready: false, created: 1 },
        { id: "embedder", role: "embedding", ready: true, created: 1 }
    ],
    chat: () => generator,
    embedder: async () => embedder
};
let allowed: string[] = [];
const logged: unknown[] = [];
const server = new ApiServer({
    routes: apiRoutes(deps), token: () => TOKEN, allowedOrigins: () => allowed, maxBodyBytes: 64 * 1024, log: (_message, error) => logged.push(error)
});
let baseURL = "";
let port = 0;
const client = () => new OpenAI({ apiKey: TOKEN, baseURL, maxRetries: 0 });

beforeAll(async () => {
    baseURL = await server.listen();
    port = server.port;
});
afterAll(() => server.close());

type Raw = { status: number; headers: http.IncomingHttpHeaders; body: string };
function raw(options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<Raw> {
    return new Promise((resolve, reject) => {
        const req = http.request({ host: "127.0.0.1", port, method: options.method ?? "GET", path: options.path, headers: options.headers }, (res) => {
            let body = "";
            res.on("data", (chunk) => (body += chunk));
            res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        });
        req.on("error", reject);
        req.end(options.body);
    });
}
const auth = { authorization: `Bearer ${TOKEN}` };

describe("the API server's security", () => {
    it("listens on 127.0.0.1 only", () => {
        expect(baseURL).toBe(`http://127.0.0.1:${port}/v1`);
    });

    it("refuses a missing or wrong bearer token with 401 in OpenAI's error shape", async () => {
        const missing = await raw({ path: "/v1/models" });
        expect(missing.status).toBe(401);
        expect(missing.headers["www-authenticate"]).toBe("Bearer");
        expect(JSON.parse(missing.body)).toEqual({ error: expect.objectContaining({ type: "authentication_error", code: "missing_api_key" }) });
        await expect(new OpenAI({ apiKey: "wrong-token", baseURL, maxRetries: 0 }).models.list()).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
        await expect(new OpenAI({ apiKey: `${TOKEN}x`, baseURL, maxRetries: 0 }).models.list()).rejects.toMatchObject({ status: 401, code: "invalid_api_key" });
    });

    it("refuses a foreign Host header (DNS rebinding) even with the right token", async () => {
        for (const host of [`evil.example:${port}`, `127.0.0.1.nip.io:${port}`, `127.0.0.1:${port + 1}`, `user@127.0.0.1:${port}`]) {
            const response = await raw({ path: "/v1/models", headers: { ...auth, host } });
            expect(response.status, host).toBe(403);
            expect(JSON.parse(response.body).error.code).toBe("host_not_allowed");
        }
        expect((await raw({ path: "/v1/models", headers: { ...auth, host: `localhost:${port}` } })).status).toBe(200);
        // No Host header at all (HTTP/1.0): refused too.
        const noHost = await new Promise<string>((resolve) => {
            const socket = net.connect(port, "127.0.0.1", () => socket.end(`GET /v1/models HTTP/1.0\r\nAuthorization: Bearer ${TOKEN}\r\n\r\n`));
            let text = "";
            socket.on("data", (chunk) => (text += chunk));
            socket.on("close", () => resolve(text));
        });
        expect(noHost).toMatch(/^HTTP\/1\.[01] 403/);
    });

    it("sends no CORS headers by default and refuses requests from web pages", async () => {
        const plain = await raw({ path: "/v1/models", headers: auth });
        expect(plain.status).toBe(200);
        expect(Object.keys(plain.headers).filter((name) => name.startsWith("access-control-"))).toEqual([]);
        const fromPage = await raw({ path: "/v1/models", headers: { ...auth, origin: "https://evil.example" } });
        expect(fromPage.status).toBe(403);
        expect(fromPage.headers["access-control-allow-origin"]).toBeUndefined();
        const preflight = await raw({ method: "OPTIONS", path: "/v1/chat/completions", headers: { origin: "https://evil.example", "access-control-request-method": "POST" } });
        expect(preflight.status).toBe(403);
    });

    it("answers CORS preflights and requests for an origin the person allowed, and only that one", async () => {
        allowed = ["https://tool.example"];
        try {
            const preflight = await raw({
                method: "OPTIONS", path: "/v1/chat/completions",
                headers: { origin: "https://tool.example", "access-control-request-method": "POST", "access-control-request-headers": "authorization, content-type" }
            });
            expect(preflight.status).toBe(204);
            expect(preflight.headers["access-control-allow-origin"]).toBe("https://tool.example");
            expect(preflight.headers["access-control-allow-headers"]).toBe("authorization, content-type");
            const request = await raw({ path: "/v1/models", headers: { ...auth, origin: "https://tool.example" } });
            expect(request.status).toBe(200);
            expect(request.headers["access-control-allow-origin"]).toBe("https://tool.example");
            expect((await raw({ path: "/v1/models", headers: { ...auth, origin: "https://other.example" } })).status).toBe(403);
        } finally {
            allowed = [];
        }
    });
});

describe("the API's endpoints through the official openai client", () => {
    it("lists the models with what each is for", async () => {
        const models = await client().models.list();
        expect(models.data.map((model) => model.id)).toEqual(["scripted", "other-chat", "embedder"]);
        expect(models.data[0]).toMatchObject({ object: "model", owned_by: "locus", role: "chat", ready: true });
        expect(await client().models.retrieve("embedder")).toMatchObject({ id: "embedder", role: "embedding" });
        await expect(client().models.retrieve("nope")).rejects.toBeInstanceOf(OpenAI.NotFoundError);
    });

    it("answers a chat completion whole, with usage", async () => {
        const completion = await client().chat.completions.create({ model: "scripted", messages: [{ role: "user", content: "Hi" }], temperature: 0.2, top_p: 0.5, seed: 7, max_tokens: 20, stop: ["\n\n"] });
        expect(completion).toMatchObject({
            object: "chat.completion", model: "scripted",
            choices: [{ index: 0, message: { role: "assistant", content: "Hello from Locus." }, finish_reason: "stop" }],
            usage: { prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 }
        });
        expect(generator.requests.at(-1)).toMatchObject({
            messages: [{ role: "user", text: "Hi" }], maxTokens: 20, stop: ["\n\n"], sampling: { temperature: 0.2, topP: 0.5, seed: 7 }
        });
    });

    it("streams: the first delta carries the role, text follows, the usage chunk comes when asked, and [DONE] ends it", async () => {
        const stream = await client().chat.completions.create({
            model: "scripted", messages: [{ role: "user", content: "Hi" }], stream: true, stream_options: { include_usage: true }
        });
        const chunks = [];
        for await (const chunk of stream) chunks.push(chunk);
        expect(chunks[0]!.choices[0]!.delta).toEqual({ role: "assistant", content: "Hello" });
        expect(chunks.slice(1).every((chunk) => chunk.choices[0]?.delta.role === undefined)).toBe(true);
        expect(chunks.flatMap((chunk) => chunk.choices.map((choice) => choice.delta.content ?? "")).join("")).toBe("Hello from Locus.");
        expect(chunks.at(-2)!.choices[0]!.finish_reason).toBe("stop");
        expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 } });
        expect(chunks.slice(0, -1).every((chunk) => chunk.usage === null)).toBe(true);

        const text = (await raw({ method: "POST", path: "/v1/chat/completions", headers: { ...auth, "content-type": "application/json" }, body: JSON.stringify({ model: "scripted", messages: [{ role: "user", content: "Hi" }], stream: true }) }));
        expect(text.headers["content-type"]).toBe("text/event-stream; charset=utf-8");
        expect(text.body.endsWith("data: [DONE]\n\n")).toBe(true);
        expect(text.body).not.toContain("\"usage\"");
    });

    it("streams and answers text completions", async () => {
        const whole = await client().completions.create({ model: "scripted", prompt: "Once", echo: true, max_tokens: 8 });
        expect(whole).toMatchObject({ object: "text_completion", choices: [{ text: "OnceHello from Locus.", finish_reason: "stop" }], usage: { total_tokens: 7 } });
        const stream = await client().completions.create({ model: "scripted", prompt: "Once", stream: true });
        let text = "";
        for await (const chunk of stream) text += chunk.choices[0]?.text ?? "";
        expect(text).toBe("Hello from Locus.");
    });

    it("embeds a string or a list, as floats or base64 (which the client decodes by default)", async () => {
        const floats = await client().embeddings.create({ model: "embedder", input: ["ab", "abcd"], encoding_format: "float" });
        expect(floats.data.map((d) => d.embedding)).toEqual([[2, 0.5, -0.25], [4, 0.5, -0.25]]);
        expect(floats.usage).toEqual({ prompt_tokens: 4, total_tokens: 4 });
        const decoded = await client().embeddings.create({ model: "embedder", input: "abc" });
        expect(decoded.data[0]!.embedding).toEqual([3, 0.5, -0.25]);
        const base64 = await raw({ method: "POST", path: "/v1/embeddings", headers: { ...auth, "content-type": "application/json" }, body: JSON.stringify({ model: "embedder", input: "a", encoding_format: "base64" }) });
        const bytes = Buffer.from(JSON.parse(base64.body).data[0].embedding as string, "base64");
        expect([0, 4, 8].map((offset) => bytes.readFloatLE(offset))).toEqual([1, 0.5, -0.25]);
    });
});

describe("bad input gets a 4xx the client does not retry", () => {
    const post = (path: string, body: string, headers: Record<string, string> = {}) =>
        raw({ method: "POST", path, headers: { ...auth, "content-type": "application/json", ...headers }, body });

    it("malformed JSON is a 400", async () => {
        const response = await post("/v1/chat/completions", "{\"model\": ");
        expect(response.status).toBe(400);
        expect(JSON.parse(response.body).error).toMatchObject({ type: "invalid_request_error", code: "invalid_json" });
    });

    it("wrong types are a 400 that names the field", async () => {
        const error = await client().chat.completions.create({ model: "scripted", messages: [{ role: "user", content: "Hi" }], temperature: "hot" as unknown as number }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(OpenAI.BadRequestError);
        expect(error).toMatchObject({ status: 400, param: "temperature" });
        const noMessages = await post("/v1/chat/completions", JSON.stringify({ model: "scripted", messages: [] }));
        expect(JSON.parse(noMessages.body).error.param).toBe("messages");
        const images = await post("/v1/chat/completions", JSON.stringify({ model: "scripted", messages: [{ role: "user", content: [{ type: "image_url", image_url: { url: "x" } }] }] }));
        expect(images.status).toBe(400);
        expect(JSON.parse(images.body).error.message).toContain("image_url");
    });

    it("an unknown model is a 404; a model of the wrong kind or not in use is a 400 saying what to do", async () => {
        await expect(client().chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: "Hi" }] }))
            .rejects.toMatchObject({ status: 404, code: "model_not_found", param: "model" });
        await expect(client().chat.completions.create({ model: "embedder", messages: [{ role: "user", content: "Hi" }] }))
            .rejects.toMatchObject({ status: 400, code: "wrong_model_type" });
        const notLoaded = await client().chat.completions.create({ model: "other-chat", messages: [{ role: "user", content: "Hi" }] }).then(() => new Error("accepted"), (e: unknown) => e as Error);
        expect(notLoaded).toMatchObject({ status: 400, code: "model_not_loaded" });
        expect(notLoaded.message).toContain('"scripted"');
        await expect(client().embeddings.create({ model: "scripted", input: "x" })).rejects.toMatchObject({ status: 400, code: "wrong_model_type" });
    });

    it("an oversized body is a 413, refused from its declared length or from the bytes received", async () => {
        const big = JSON.stringify({ model: "scripted", messages: [{ role: "user", content: "x".repeat(100 * 1024) }] });
        const declared = await post("/v1/chat/completions", big);
        expect(declared.status).toBe(413);
        expect(JSON.parse(declared.body).error.code).toBe("request_too_large");
        const chunked = await post("/v1/chat/completions", big, { "transfer-encoding": "chunked" });
        expect(chunked.status).toBe(413);
        await expect(client().chat.completions.create({ model: "scripted", messages: [{ role: "user", content: "x".repeat(100 * 1024) }] }))
            .rejects.toMatchObject({ status: 413 });
    });

    it("unknown paths are 404, wrong methods 405, and a body that is not JSON 415", async () => {
        expect((await raw({ path: "/v1/nothing", headers: auth })).status).toBe(404);
        expect((await raw({ path: "/v1/chat/completions", headers: auth })).status).toBe(405);
        expect((await post("/v1/chat/completions", "{}", { "content-type": "text/plain" })).status).toBe(415);
    });
});

describe("load and disconnects", () => {
    it("answers 429 with retry-after when the queue is full, and the client's retry then succeeds", async () => {
        generator.delayMs = 150;
        try {
            const ask = (retries: number) => new OpenAI({ apiKey: TOKEN, baseURL, maxRetries: retries })
                .chat.completions.create({ model: "scripted", messages: [{ role: "user", content: "Hi" }] });
            const running = ask(0);
            const waiting = ask(0);
            await expect.poll(() => generator.turns.waiting("api")).toBe(1);
            const refused = await ask(0).catch((e: unknown) => e);
            expect(refused).toBeInstanceOf(OpenAI.RateLimitError);
            expect((refused as InstanceType<typeof OpenAI.RateLimitError>).headers.get("retry-after")).toBe("1");
            // With retries (the client's default), the retry-after wait lets the queue drain and the request through.
            const retried = ask(3);
            await expect(Promise.all([running, waiting, retried])).resolves.toHaveLength(3);
        } finally {
            generator.delayMs = 0;
        }
    });

    it("a client that disconnects mid-stream stops the generation and leaves no request running", async () => {
        generator.delayMs = 100;
        generator.words = Array.from({ length: 50 }, (_, i) => ` w${i}`);
        const aborted = generator.aborted;
        try {
            const controller = new AbortController();
            const stream = await client().chat.completions.create({ model: "scripted", messages: [{ role: "user", content: "Hi" }], stream: true }, { signal: controller.signal });
            let received = 0;
            // The client ends its iteration quietly or with an abort error, depending on where the abort lands.
            await (async () => {
                for await (const _chunk of stream) if (++received === 3) controller.abort();
            })().catch(() => undefined);
            expect(received).toBe(3);
            await expect.poll(() => generator.aborted).toBe(aborted + 1);
            await expect.poll(() => server.activeRequests).toBe(0);
            expect(generator.running).toBe(0);
            expect(generator.turns.busy).toBe(false);
        } finally {
            generator.delayMs = 0;
            generator.words = ["Hello", " from", " Locus", "."];
        }
    });

    it("a failure mid-stream reaches the client as an error event, which the client raises", async () => {
        generator.failAfter = 2;
        try {
            const stream = await client().chat.completions.create({ model: "scripted", messages: [{ role: "user", content: "Hi" }], stream: true });
            let text = "";
            const error = await (async () => { for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? ""; })().catch((e: unknown) => e);
            expect(text).toBe("Hello from");
            expect(error).toBeInstanceOf(OpenAI.APIError);
            expect((error as Error).message).toContain("internal error");
            // The client is told nothing of the internals; the log keeps them.
            expect((error as Error).message).not.toContain("crashed");
            expect(logged.at(-1)).toMatchObject({ message: "the model crashed" });
        } finally {
            generator.failAfter = null;
        }
    });
});
