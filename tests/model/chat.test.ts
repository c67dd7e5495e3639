import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Events } from "../../src-main/common/contract/events.js";
import type { ChatDetail, ModelInfo } from "../../src-main/common/contract/types.js";
import { createServices, type Services } from "../../src-main/services/createServices.js";
import { ensureSyntheticModel } from "../support/gguf/ensureSyntheticModel.js";

let tiny = "";
const open: Services[] = [];
const dirs: string[] = [];

beforeAll(async () => {
    tiny = await ensureSyntheticModel("tiny-q8_0");
});
afterEach(async () => {
    for (const services of open.splice(0)) await services.dispose();
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

async function start(dataDir?: string, maxAnswerTokens = 48): Promise<{ services: Services; dataDir: string; call: Services["dispatcher"]["dispatch"] }> {
    const dir = dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "locus-chat-"));
    if (dataDir == null) dirs.push(dir);
    const services = await createServices({ dataDir: dir, host: "browser", engine: { gpu: false, contextSize: 1024 }, maxAnswerTokens });
    open.push(services);
    return { services, dataDir: dir, call: (m, a) => services.dispatcher.dispatch(m, a) };
}

async function value<T>(result: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
    const r = await result;
    if (!r.ok) throw new Error(`call failed: ${JSON.stringify(r.error)}`);
    return r.value as T;
}

function nextDone(services: Services): Promise<Events["chat.done"]> {
    return new Promise((resolve) => {
        const off = services.events.subscribe((m) => {
            if (m.event === "chat.done") { off(); resolve(m.payload); }
        });
    });
}

async function loadTiny(call: Services["dispatcher"]["dispatch"]): Promise<void> {
    const model = await value<ModelInfo>(call("models.addFromPath", { path: tiny }));
    expect(model.fileName).toBe(path.basename(tiny));
    expect(JSON.stringify(model)).not.toContain(path.dirname(tiny));
    await value(call("models.load", { modelId: model.id }));
}

describe("chat through the services", () => {
    it("streams tokens as events, then stores the whole answer", async () => {
        const { services, call } = await start();
        await loadTiny(call);
        const chat = await value<{ id: string }>(call("chats.create", {}));
        const tokens: string[] = [];
        services.events.subscribe((m) => { if (m.event === "chat.token") tokens.push(m.payload.text); });

        const done = nextDone(services);
        const ids = await value<{ assistantMessageId: string }>(call("chats.send", { chatId: chat.id, text: "Hello there" }));
        const finished = await done;
        expect(finished.messageId).toBe(ids.assistantMessageId);
        expect(tokens.length).toBeGreaterThan(1);

        const detail = await value<ChatDetail>(call("chats.get", { chatId: chat.id }));
        expect(detail.title).toBe("Hello there");
        expect(detail.messages.map((m) => m.role)).toEqual(["user", "assistant"]);
        expect(detail.messages[1]!.content).toBe(tokens.join(""));
        expect(detail.messages[1]!.status).toBe("done");
    });

    it("stops within a fraction of a second and keeps the partial answer", async () => {
        const { services, call } = await start(undefined, 4096);
        await loadTiny(call);
        const chat = await value<{ id: string }>(call("chats.create", {}));
        let streamed = 0;
        const firstTokens = new Promise<void>((resolve) => services.events.subscribe((m) => {
            if (m.event === "chat.token" && ++streamed === 5) resolve();
        }));
        const done = nextDone(services);
        await value(call("chats.send", { chatId: chat.id, text: "Tell me a very long story about the sea." }));
        await firstTokens;

        const pressed = performance.now();
        await value(call("chats.stop", { chatId: chat.id }));
        const finished = await done;
        expect(performance.now() - pressed).toBeLessThan(500);
        expect(finished.reason).toBe("stopped");

        const answer = (await value<ChatDetail>(call("chats.get", { chatId: chat.id }))).messages[1]!;
        expect(answer.status).toBe("stopped");
        expect(answer.content.length).toBeGreaterThan(0);
    });

    it("refuses a second question while one is being answered", async () => {
        const { services, call } = await start(undefined, 4096);
        await loadTiny(call);
        const chat = await value<{ id: string }>(call("chats.create", {}));
        const done = nextDone(services);
        await value(call("chats.send", { chatId: chat.id, text: "First question" }));
        expect(await call("chats.send", { chatId: chat.id, text: "Second question" })).toMatchObject({ ok: false, error: { kind: "busy" } });
        await value(call("chats.stop", { chatId: chat.id }));
        await done;
    });

    it("says a model must be loaded before chatting", async () => {
        const { call } = await start();
        const chat = await value<{ id: string }>(call("chats.create", {}));
        expect(await call("chats.send", { chatId: chat.id, text: "Hi" })).toMatchObject({ ok: false, error: { kind: "no-model-loaded" } });
        expect((await value<ChatDetail>(call("chats.get", { chatId: chat.id }))).messages).toEqual([]);
    });

    it("keeps chats, messages and models after a restart, and continues the conversation", async () => {
        const first = await start();
        await loadTiny(first.call);
        const chat = await value<{ id: string }>(first.call("chats.create", { title: "Trip" }));
        const done = nextDone(first.services);
        await value(first.call("chats.send", { chatId: chat.id, text: "Where should we go?" }));
        await done;
        await value(first.call("chats.rename", { chatId: chat.id, title: "Summer trip" }));
        await first.services.dispose();
        open.splice(open.indexOf(first.services), 1);

        const second = await start(first.dataDir);
        const models = await value<ModelInfo[]>(second.call("models.list", {}));
        expect(models).toHaveLength(1);
        const chats = await value<{ id: string; title: string }[]>(second.call("chats.list", {}));
        expect(chats).toEqual([expect.objectContaining({ id: chat.id, title: "Summer trip" })]);

        await value(second.call("models.load", { modelId: models[0]!.id }));
        const again = nextDone(second.services);
        await value(second.call("chats.send", { chatId: chat.id, text: "And in winter?" }));
        await again;
        const detail = await value<ChatDetail>(second.call("chats.get", { chatId: chat.id }));
        expect(detail.messages.map((m) => m.role)).toEqual(["user", "assistant", "user", "assistant"]);
    });

    it("deleting a chat removes it and its messages", async () => {
        const { call } = await start();
        const chat = await value<{ id: string }>(call("chats.create", {}));
        await value(call("chats.delete", { chatId: chat.id }));
        expect(await value<unknown[]>(call("chats.list", {}))).toEqual([]);
        expect(await call("chats.get", { chatId: chat.id })).toMatchObject({ ok: false, error: { kind: "not-found" } });
    });
});
