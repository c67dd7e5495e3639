import type { ChatDetail } from "@common/contract/types.js";
import type { ExportOptions } from "./exportMarkdown.js";

/** The conversation shown as JSON: messages with their figures and citations (each marked when its source was removed). */
export function exportJson(chat: ChatDetail, options: ExportOptions): string {
    const document = {
        format: "locus-chat",
        version: 1,
        exportedAt: options.exportedAt.toISOString(),
        chat: {
            id: chat.id, title: chat.title, createdAt: new Date(chat.createdAt).toISOString(),
            systemPrompt: chat.systemPrompt ?? options.defaultSystemPrompt, sampling: chat.sampling ?? {}
        },
        messages: chat.messages.map((message) => ({
            role: message.role,
            content: message.content,
            status: message.status,
            createdAt: new Date(message.createdAt).toISOString(),
            ...(options.includeThinking && message.thinking ? { thinking: message.thinking } : {}),
            ...(message.figures ? { figures: message.figures } : {}),
            ...(message.citations && message.citations.length > 0
                ? {
                    citations: message.citations.map((citation) => ({
                        number: citation.number, document: citation.documentName, page: citation.page, headings: citation.headingPath,
                        ...(options.sourceExists(citation.documentId) ? {} : { sourceRemoved: true })
                    }))
                }
                : {})
        }))
    };
    return `${JSON.stringify(document, null, 2)}\n`;
}
