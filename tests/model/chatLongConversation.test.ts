import { afterEach, describe, expect, it } from "vitest";
import { removeChatDataDirs, startChatServices, type ChatHarness } from "../support/chat/startChatServices.js";

const open: ChatHarness[] = [];
afterEach(async () => {
    for (const harness of open.splice(0)) await harness.dispose();
    removeChatDataDirs();
});

describe("a conversation longer than the model's context", () => {
    it("keeps answering, leaving out the oldest messages, and says so in the chat", async () => {
        // 512 tokens of context; each question is about 150 tokens, so the fourth no longer fits with the earlier ones.
        const h = await startChatServices({ contextSize: 512, maxAnswerTokens: 24 });
        open.push(h);
        await h.loadModel("scripted-cite");
        const { id: chatId } = await h.call("chats.create", {});
        const question = (n: number) => `Question ${n}: ${"please describe the harbour, its boats and its colours in detail ".repeat(14)}`;
        for (let n = 1; n <= 5; n++) {
            const done = h.nextDone();
            await h.call("chats.send", { chatId, text: question(n) });
            expect((await done).reason).toBe("done");
        }
        const chat = await h.call("chats.get", { chatId });
        expect(chat.messages).toHaveLength(10);
        expect(chat.messages.filter((m) => m.role === "assistant").every((m) => m.status === "done" && m.content.length > 0)).toBe(true);
        const last = chat.messages.at(-1)!;
        expect(last.figures!.leftOut).toBeGreaterThanOrEqual(2);
        expect(last.notice).toMatch(/no longer fits the model's context: the \d+ oldest messages were left out/);
        expect(chat.messages[1]!.notice).toBeUndefined();
    });
});
