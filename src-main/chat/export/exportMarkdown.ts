import type { ChatDetail } from "@common/contract/types.js";
import { citationPlace } from "./citationPlace.js";

export type ExportOptions = {
    /** Include thinking sections (left out by default: they are the model's drafts, not its answer). */
    includeThinking: boolean;
    /** Whether a cited document is still in the library; a removed one is marked "source removed". */
    sourceExists: (documentId: string) => boolean;
    /** The system prompt in effect when the chat has none of its own. */
    defaultSystemPrompt: string;
    exportedAt: Date;
};

/**
 * The conversation shown as Markdown: each answer's citations become footnotes numbered through the
 * whole chat, naming the file, page and headings ("source removed" when the document left the library).
 */
export function exportMarkdown(chat: ChatDetail, options: ExportOptions): string {
    const lines: string[] = [`# ${chat.title}`, "", `_Exported from Locus on ${options.exportedAt.toISOString().slice(0, 10)}._`, ""];
    if (chat.systemPrompt != null && chat.systemPrompt !== options.defaultSystemPrompt)
        lines.push(`**System prompt:** ${chat.systemPrompt.replace(/\s+/g, " ")}`, "");
    const footnotes: string[] = [];
    for (const message of chat.messages) {
        lines.push(message.role === "user" ? "## You" : "## Locus", "");
        if (message.role === "assistant" && options.includeThinking && message.thinking) {
            const seconds = message.thinking.seconds == null ? "" : ` (${message.thinking.seconds} s)`;
            lines.push(`> **Thinking${seconds}**`, ">", ...message.thinking.text.split("\n").map((line) => (line === "" ? ">" : `> ${line}`)), "");
        }
        const numbers = new Map<number, number>();
        for (const citation of [...(message.citations ?? [])].sort((a, b) => a.number - b.number)) {
            const footnote = footnotes.length + 1;
            numbers.set(citation.number, footnote);
            const removed = options.sourceExists(citation.documentId) ? "" : " (source removed)";
            footnotes.push(`[^${footnote}]: ${citationPlace(citation)}${removed}`);
        }
        const text = message.content.replace(/\[(\d+)\]/g, (marker, digits: string) => {
            const footnote = numbers.get(Number(digits));
            return footnote === undefined ? marker : `[^${footnote}]`;
        });
        lines.push(text.trim() === "" ? "_(no text)_" : text.trim(), "");
        if (message.status === "stopped" || message.status === "interrupted") lines.push(`_(${message.status})_`, "");
    }
    if (footnotes.length > 0) lines.push("---", "", ...footnotes, "");
    return `${lines.join("\n").trimEnd()}\n`;
}
