import type { ChatExport, ChatExportFormat } from "@common/contract/chatTypes.js";
import type { ChatDetail } from "@common/contract/types.js";
import { exportJson } from "./exportJson.js";
import { exportMarkdown, type ExportOptions } from "./exportMarkdown.js";

/** A chat as a file to save: Markdown or JSON, named after its title. */
export function exportChat(chat: ChatDetail, format: ChatExportFormat, options: ExportOptions): ChatExport {
    const base = chat.title.normalize("NFKC").replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-+|-+$/g, "").slice(0, 60) || "chat";
    return format === "markdown"
        ? { fileName: `${base}.md`, mimeType: "text/markdown", content: exportMarkdown(chat, options) }
        : { fileName: `${base}.json`, mimeType: "application/json", content: exportJson(chat, options) };
}
