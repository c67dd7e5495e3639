import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { EventName, Events } from "../../../src-main/common/contract/events.js";
import { ChatService } from "../../../src-main/chat/ChatService.js";
import { Engine } from "../../../src-main/engine/Engine.js";
import { RemoteChatGenerator } from "../../../src-main/remote/RemoteChatGenerator.js";
import { ChatRepository } from "../../../src-main/store/ChatRepository.js";
import { openDatabase } from "../../../src-main/store/openDatabase.js";

type Body = { messages: { role: string; content: string }[]; [field: string]: unknown };
type Reply = { reasoning?: string[]; answer: string[]; finish?: string };

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A stand-in OpenAI-compatible server that records each chat request and streams the next scripted reply. */
async function fakeServer(replies: Reply[]): Promise<{ baseUrl: string; bodies: Body[] }> {
    const bodies: Body[] = [];
    const server = http.createServer((req, res) => {
        let text = "";
        req.on("data", (chunk) => (text += chunk));
        req.on("end", () => {
            bodies.push(JSON.parse(text) as Body);
            const reply = replies.shift() ?? { answer: ["(no more replies)"] };
            res.writeHead(200, { "content-type": "text/event-stream" });
            const send = (delta: object, finish: string | null = null) =>
                res.write(`data: ${JSON.stringify({ id: "x", object: "chat.completion.chunk", created: 1, model: "big", choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`);
            for (const piece of reply.reasoning ?? []) send({ reasoning_content: piece });
            for (const piece of reply.answer) send({ content: piece });
            send({}, reply.finish ?? "stop");
            res.end("data: [DONE]\n\n");
        });
    });
    cleanups.push(() => new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
    }));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, bodies };
}

/** A chat service with no model loaded here, answering through the remote engine. */
function remoteChats(baseUrl: string) {
    const db = openDatabase(":memory:");
    const engine = new Engine({ gpu: false, contextSize: 2048 });
    const done: Events["chat.done"][] = [];
    const tokens: Events["chat.token"][] = [];
    const events = {
        emit<E extends EventName>(event: E, payload: Events[E]) {
            if (event === "chat.token") tokens.push(payload as Events["chat.token"]);
            if (event === "chat.done") done.push(payload as Events["chat.done"]);
        }
    };
    const generator = new RemoteChatGenerator({ baseUrl, apiKey: null, model: "big", firstTokenTimeoutSeconds: 5, idleTimeoutSeconds: 5 });
    const chats = new ChatService(new ChatRepository(db), engine, events, {
        maxAnswerTokens: 512, remote: () => generator,
        defaults: () => ({ systemPrompt: "You are Locus.", sampling: { temperature: 0.5 }, discourageThinking: false })
    });
    cleanups.push(async () => {
        await chats.dispose();
        db.close();
    });
    const finished = (count: number) => vi.waitFor(() => expect(done.length).toBeGreaterThanOrEqual(count), { timeout: 10_000 });
    return { chats, done, tokens, finished };
}

describe("the app's chat on a remote engine", () => {
    it("sends the chat's own system prompt and sampling to the server, with the conversation so far, and needs no model here", async () => {
        const server = await fakeServer([{ answer: ["Deep ", "teal."] }, { answer: ["Yes."] }]);
        const { chats, done, finished } = remoteChats(server.baseUrl);
        const chat = chats.create();
        chats.configure(chat.id, { systemPrompt: "Answer like a sailor.", sampling: { temperature: 0.2, topP: 0.8, topK: 30, minP: 0.1, repeatPenalty: 1.2, maxTokens: 64, seed: 7 } });

        chats.send(chat.id, "What colour is the sea?");
        await finished(1);
        expect(done[0]).toMatchObject({ reason: "done" });
        expect(server.bodies[0]).toMatchObject({
            model: "big", temperature: 0.2, top_p: 0.8, top_k: 30, min_p: 0.1, repeat_penalty: 1.2, max_tokens: 64, seed: 7,
            messages: [{ role: "system", content: "Answer like a sailor." }, { role: "user", content: "What colour is the sea?" }]
        });

        chats.send(chat.id, "Always?");
        await finished(2);
        expect(server.bodies[1]!.messages).toEqual([
            { role: "system", content: "Answer like a sailor." }, { role: "user", content: "What colour is the sea?" },
            { role: "assistant", content: "Deep teal." }, { role: "user", content: "Always?" }
        ]);
        const messages = chats.get(chat.id).messages;
        expect(messages.map((message) => [message.role, message.content, message.status])).toEqual([
            ["user", "What colour is the sea?", "done"], ["assistant", "Deep teal.", "done"], ["user", "Always?", "done"], ["assistant", "Yes.", "done"]
        ]);
        expect(messages[1]!.figures).toMatchObject({ modelName: "big", mode: "chat", sampling: { temperature: 0.2, seed: 7 } });
    });

    it("takes Settings' defaults when the chat has none, and makes a new version of an answer on regenerate", async () => {
        const server = await fakeServer([{ answer: ["First."] }, { answer: ["Second."] }]);
        const { chats, finished } = remoteChats(server.baseUrl);
        const chat = chats.create();
        const sent = chats.send(chat.id, "Hello");
        await finished(1);
        expect(server.bodies[0]).toMatchObject({ temperature: 0.5, messages: [{ role: "system", content: "You are Locus." }, { role: "user", content: "Hello" }] });

        chats.regenerate(chat.id, sent.assistantMessageId);
        await finished(2);
        expect(server.bodies[1]!.messages).toEqual([{ role: "system", content: "You are Locus." }, { role: "user", content: "Hello" }]);
        const answer = chats.get(chat.id).messages.at(-1)!;
        expect(answer.content).toBe("Second.");
        expect(answer.versions).toHaveLength(2);
    });

    it("keeps a thinking model's reasoning apart from the answer when the server sends it apart", async () => {
        const server = await fakeServer([{ reasoning: ["The sea ", "reflects the sky."], answer: ["\n\nBlue."] }]);
        const { chats, tokens, finished } = remoteChats(server.baseUrl);
        const chat = chats.create();
        chats.send(chat.id, "Why is the sea blue?");
        await finished(1);
        const answer = chats.get(chat.id).messages.at(-1)!;
        expect(answer.content).toBe("Blue.");
        expect(answer.thinking?.text).toBe("The sea reflects the sky.");
        expect(tokens.filter((token) => token.part === "thinking").map((token) => token.text).join("")).toBe("The sea reflects the sky.");
    });

    it("says in the chat when the server is unreachable, naming what to do", async () => {
        const { chats, done, finished } = remoteChats("http://127.0.0.1:9/v1");
        const chat = chats.create();
        chats.send(chat.id, "Are you there?");
        await finished(1);
        expect(done[0]).toMatchObject({ reason: "error" });
        expect(done[0]!.error).toMatch(/cannot reach the server/);
        expect(chats.get(chat.id).messages.at(-1)).toMatchObject({ status: "error" });
    });
});
