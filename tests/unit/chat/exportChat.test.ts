import { describe, expect, it } from "vitest";
import { exportChat } from "../../../src-main/chat/export/exportChat.js";
import type { Citation } from "../../../src-main/common/contract/libraryTypes.js";
import type { ChatDetail, ChatMessage } from "../../../src-main/common/contract/types.js";

function citation(number: number, documentId: string, documentName: string, page: number | null, headingPath: string[] = []): Citation {
    return { number, chunkId: number * 10, documentId, documentName, page, headingPath, charStart: 0, charEnd: 10 };
}
function message(role: ChatMessage["role"], content: string, extra: Partial<ChatMessage> = {}): ChatMessage {
    return { id: `${role}-${content.length}`, chatId: "c", role, content, status: "done", createdAt: Date.UTC(2025, 0, 2), ...extra };
}

const chat: ChatDetail = {
    id: "c", title: "Harbour / colours?", createdAt: Date.UTC(2025, 0, 1), updatedAt: Date.UTC(2025, 0, 2),
    systemPrompt: null, sampling: null, documentIds: [],
    messages: [
        message("user", "What colour is the harbour?"),
        message("assistant", "Deep teal [1], grey in storms [2].", {
            citations: [citation(1, "d1", "harbour.pdf", 3, ["Seasons", "Winter"]), citation(2, "gone", "old-notes.md", null)],
            thinking: { text: "The sources say teal.", seconds: 2.5 }
        }),
        message("user", "And the boats?"),
        message("assistant", "Red [1].", { citations: [citation(1, "d1", "harbour.pdf", 7)] })
    ]
};
const options = (includeThinking = false) => ({
    includeThinking, sourceExists: (id: string) => id !== "gone", defaultSystemPrompt: "Default.", exportedAt: new Date(Date.UTC(2025, 5, 1))
});

describe("chat export", () => {
    it("writes Markdown with citations as footnotes naming file, page and headings, numbered through the chat", () => {
        const { fileName, mimeType, content } = exportChat(chat, "markdown", options());
        expect(fileName).toBe("Harbour-colours.md");
        expect(mimeType).toBe("text/markdown");
        expect(content).toContain("Deep teal [^1], grey in storms [^2].");
        expect(content).toContain("Red [^3].");
        expect(content).toContain("[^1]: harbour.pdf, page 3, Seasons > Winter\n");
        expect(content).toContain("[^3]: harbour.pdf, page 7\n");
    });

    it("marks a citation whose document left the library as \"source removed\"", () => {
        expect(exportChat(chat, "markdown", options()).content).toContain("[^2]: old-notes.md (source removed)");
        const json = JSON.parse(exportChat(chat, "json", options()).content) as { messages: { citations?: { document: string; sourceRemoved?: boolean }[] }[] };
        expect(json.messages[1]!.citations).toEqual([
            expect.not.objectContaining({ sourceRemoved: true }), expect.objectContaining({ document: "old-notes.md", sourceRemoved: true })
        ]);
    });

    it("leaves thinking out unless asked, in both formats", () => {
        expect(exportChat(chat, "markdown", options()).content).not.toContain("The sources say teal");
        expect(exportChat(chat, "json", options()).content).not.toContain("The sources say teal");
        expect(exportChat(chat, "markdown", options(true)).content).toContain("> **Thinking (2.5 s)**\n>\n> The sources say teal.");
        const json = JSON.parse(exportChat(chat, "json", options(true)).content) as { messages: { thinking?: unknown }[] };
        expect(json.messages[1]!.thinking).toEqual({ text: "The sources say teal.", seconds: 2.5 });
    });

    it("writes JSON with the chat, its system prompt and every message in order", () => {
        const json = JSON.parse(exportChat({ ...chat, systemPrompt: "Be brief." }, "json", options()).content) as {
            format: string; chat: { title: string; systemPrompt: string }; messages: { role: string; content: string }[];
        };
        expect(json.format).toBe("locus-chat");
        expect(json.chat).toMatchObject({ title: "Harbour / colours?", systemPrompt: "Be brief." });
        expect(json.messages.map((m) => m.role)).toEqual(["user", "assistant", "user", "assistant"]);
    });
});
