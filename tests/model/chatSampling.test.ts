import { afterEach, describe, expect, it } from "vitest";
import { removeChatDataDirs, startChatServices, type ChatHarness } from "../support/chat/startChatServices.js";

const open: ChatHarness[] = [];
afterEach(async () => {
    for (const harness of open.splice(0)) await harness.dispose();
    removeChatDataDirs();
});

describe("sampling settings reach the engine", () => {
    it("the same seed gives the same answer, another seed another one, and the length limit stops the answer", async () => {
        const h = await startChatServices({ maxAnswerTokens: 24 });
        open.push(h);
        await h.loadModel("tiny-q8_0");
        const answerWith = async (sampling: Record<string, number>) => {
            const { id: chatId } = await h.call("chats.create", {});
            await h.call("chats.configure", { chatId, sampling });
            const done = h.nextDone();
            await h.call("chats.send", { chatId, text: "Write anything at all." });
            const finished = await done;
            const message = (await h.call("chats.get", { chatId })).messages[1]!;
            return { reason: finished.reason, content: message.content, tokens: message.figures!.tokens };
        };
        // Random weights: at temperature 1.5 every token is a draw, so only the seed can make two answers equal.
        const first = await answerWith({ temperature: 1.5, topK: 0, topP: 1, seed: 42 });
        const again = await answerWith({ temperature: 1.5, topK: 0, topP: 1, seed: 42 });
        const other = await answerWith({ temperature: 1.5, topK: 0, topP: 1, seed: 43 });
        expect(first.content.length).toBeGreaterThan(0);
        expect(again.content).toBe(first.content);
        expect(other.content).not.toBe(first.content);

        const short = await answerWith({ maxTokens: 16, temperature: 0 });
        expect(short.reason).toBe("max-tokens");
        expect(short.tokens).toBeLessThanOrEqual(16);
    });
});
