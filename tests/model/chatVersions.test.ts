import { afterEach, describe, expect, it } from "vitest";
import type { ChatDetail } from "../../src-main/common/contract/types.js";
import { removeChatDataDirs, startChatServices, type ChatHarness } from "../support/chat/startChatServices.js";
import { syntheticModels } from "../support/gguf/syntheticModels.js";

const open: ChatHarness[] = [];
afterEach(async () => {
    for (const harness of open.splice(0)) await harness.dispose();
    removeChatDataDirs();
});

async function start(dataDir?: string): Promise<ChatHarness> {
    const harness = await startChatServices(dataDir ? { dataDir } : {});
    open.push(harness);
    return harness;
}

/** Sends and waits for the answer; returns the chat as shown afterwards. */
async function ask(h: ChatHarness, chatId: string, text: string): Promise<ChatDetail> {
    const done = h.nextDone();
    await h.call("chats.send", { chatId, text });
    expect((await done).reason).toBe("done");
    return h.call("chats.get", { chatId });
}

const script = syntheticModels["scripted-cite"].answer;
const texts = (chat: ChatDetail) => chat.messages.map((m) => `${m.role}:${m.content}`);

describe("chat versions through the services", () => {
    it("regenerate stores a second answer, shows it, keeps the first one browsable, and both survive a restart", async () => {
        const first = await start();
        await first.loadModel("scripted-cite");
        const { id: chatId } = await first.call("chats.create", {});
        const asked = await ask(first, chatId, "What colour is the harbour?");
        const oldAnswer = asked.messages[1]!;

        const done = first.nextDone();
        const regenerated = await first.call("chats.regenerate", { chatId, messageId: oldAnswer.id });
        expect(regenerated.userMessageId).toBe(asked.messages[0]!.id);
        expect(regenerated.chat.messages.at(-1)).toMatchObject({ id: regenerated.assistantMessageId, status: "streaming" });
        const finished = await done;
        expect(finished.message).toMatchObject({ content: script, versions: [oldAnswer.id, regenerated.assistantMessageId] });

        const shown = await first.call("chats.get", { chatId });
        expect(shown.messages).toHaveLength(2);
        expect(shown.messages[1]).toMatchObject({ id: regenerated.assistantMessageId, content: script, versions: [oldAnswer.id, regenerated.assistantMessageId] });
        expect(shown.messages[1]!.figures).toMatchObject({ mode: "chat", tokens: expect.any(Number) });

        const back = await first.call("chats.switchVersion", { chatId, messageId: oldAnswer.id });
        expect(back.messages[1]!.id).toBe(oldAnswer.id);
        await first.dispose();
        open.splice(open.indexOf(first), 1);

        const second = await start(first.dataDir);
        const reopened = await second.call("chats.get", { chatId });
        expect(reopened.messages.map((m) => m.id)).toEqual([asked.messages[0]!.id, oldAnswer.id]);
        expect(reopened.messages[1]!.versions).toEqual([oldAnswer.id, regenerated.assistantMessageId]);
    });

    it("editing an earlier question starts a new branch from it; the old branch stays reachable and is left out of the new answer's history", async () => {
        const h = await start();
        await h.loadModel("scripted-cite");
        const { id: chatId } = await h.call("chats.create", {});
        await ask(h, chatId, "First question");
        const before = await ask(h, chatId, "Second question");
        expect(before.messages).toHaveLength(4);
        expect(before.title).toBe("First question");

        const done = h.nextDone();
        const edited = await h.call("chats.edit", { chatId, messageId: before.messages[0]!.id, text: "A better first question" });
        await done;
        const after = await h.call("chats.get", { chatId });
        expect(texts(after)).toEqual(["user:A better first question", `assistant:${script}`]);
        expect(after.messages[0]!.versions).toEqual([before.messages[0]!.id, edited.userMessageId]);
        expect(after.messages[0]!.parentId).toBeNull();
        expect(after.title).toBe("A better first question");

        const old = await h.call("chats.switchVersion", { chatId, messageId: before.messages[0]!.id });
        expect(texts(old)).toEqual(texts(before));
    });

    it("refuses an empty edit and an edit of an answer, changing nothing", async () => {
        const h = await start();
        await h.loadModel("scripted-cite");
        const { id: chatId } = await h.call("chats.create", {});
        const chat = await ask(h, chatId, "Question");
        expect(await h.attempt("chats.edit", { chatId, messageId: chat.messages[0]!.id, text: "   " }))
            .toMatchObject({ ok: false, error: { kind: "invalid-input", message: expect.stringContaining("must not be empty") } });
        expect(await h.attempt("chats.edit", { chatId, messageId: chat.messages[1]!.id, text: "x" }))
            .toMatchObject({ ok: false, error: { kind: "invalid-input", message: "Only your own messages can be edited." } });
        expect(texts(await h.call("chats.get", { chatId }))).toEqual(texts(chat));
    });

    it("deleting a pair keeps the conversation after it, and search finds chats by what was said", async () => {
        const h = await start();
        await h.loadModel("scripted-cite");
        const { id: chatId } = await h.call("chats.create", {});
        await ask(h, chatId, "Tell me about lighthouses");
        const chat = await ask(h, chatId, "And about ferries");
        const after = await h.call("chats.deletePair", { chatId, messageId: chat.messages[1]!.id });
        expect(texts(after)).toEqual(["user:And about ferries", `assistant:${script}`]);
        expect(after.messages[0]!.parentId).toBeNull();

        const hits = await h.call("chats.search", { query: "ferr" });
        expect(hits).toEqual([expect.objectContaining({ chatId, snippet: "And about ferries", messageId: after.messages[0]!.id })]);
        // The deleted question is no longer found; the title it gave the chat still is.
        expect(await h.call("chats.search", { query: "lighthouses" })).toEqual([expect.objectContaining({ chatId, messageId: null })]);
        expect(await h.call("chats.search", { query: "teal" })).toEqual([expect.objectContaining({ chatId })]);
    });
});
