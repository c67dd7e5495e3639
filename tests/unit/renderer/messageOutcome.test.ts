import type { Events } from "@common/contract";
import { describe, expect, it } from "vitest";
import { applyOutcome, outcomeOf, type MessageView } from "../../../src-renderer/lib/state/messageOutcome.js";

describe("a library answer's end", () => {
    it("replaces the streamed text with the final one and attaches the citations", () => {
        const citation = { number: 1, chunkId: 7, documentId: "d1", documentName: "notes.md", page: 2, headingPath: [], charStart: 0, charEnd: 10 };
        const done: Events["chat.done"] = { chatId: "c", messageId: "m", reason: "done", content: "Blue [1].", citations: [citation] };
        const message: MessageView = { id: "m", chatId: "c", role: "assistant", content: "Blue [1] [7].", status: "streaming", createdAt: 0 };
        applyOutcome(message, outcomeOf(done));
        expect(message).toMatchObject({ status: "done", content: "Blue [1].", citations: [citation] });
    });

    it("keeps the streamed text of an ordinary answer", () => {
        const message: MessageView = { id: "m", chatId: "c", role: "assistant", content: "Hello", status: "streaming", createdAt: 0 };
        applyOutcome(message, outcomeOf({ chatId: "c", messageId: "m", reason: "stopped" }));
        expect(message.content).toBe("Hello");
        expect(message.citations).toBeUndefined();
    });

    it("shows the services' note on how the answer was found, after a length-limit note", () => {
        const notice = "Answered without reranking: the reranker could not be loaded. r.gguf is not a readable GGUF model.";
        const message: MessageView = { id: "m", chatId: "c", role: "assistant", content: "Blue", status: "streaming", createdAt: 0 };
        applyOutcome(message, outcomeOf({ chatId: "c", messageId: "m", reason: "done", notice }));
        expect(message.notice).toBe(notice);
        const cut: MessageView = { id: "n", chatId: "c", role: "assistant", content: "Blue", status: "streaming", createdAt: 0 };
        applyOutcome(cut, outcomeOf({ chatId: "c", messageId: "n", reason: "max-tokens", notice }));
        expect(cut.notice).toBe(`Reached the length limit. ${notice}`);
    });
});
