import type { Handlers } from "../ipc/Dispatcher.js";
import type { AttachmentUploads } from "./attachments/AttachmentUploads.js";
import type { ChatService } from "./ChatService.js";

type ChatMethod = Extract<keyof Handlers, `chats.${string}` | `attachments.${string}`>;

/** The contract's chat and attachment methods, routed to the chat service (the composition root spreads them into the dispatcher). */
export function chatHandlers(chats: ChatService, uploads: AttachmentUploads): Pick<Handlers, ChatMethod> {
    return {
        "chats.list": () => chats.list(),
        "chats.create": ({ title }) => chats.create(title),
        "chats.get": ({ chatId }) => chats.get(chatId),
        "chats.rename": ({ chatId, title }) => chats.rename(chatId, title),
        "chats.delete": ({ chatId }) => chats.delete(chatId),
        "chats.send": ({ chatId, text, mode, collectionIds }) => chats.send(chatId, text, mode, collectionIds),
        "chats.stop": ({ chatId }) => chats.stop(chatId),
        "chats.regenerate": ({ chatId, messageId, mode, collectionIds }) => chats.regenerate(chatId, messageId, mode, collectionIds),
        "chats.edit": ({ chatId, messageId, text, mode, collectionIds }) => chats.edit(chatId, messageId, text, mode, collectionIds),
        "chats.switchVersion": ({ chatId, messageId }) => chats.switchVersion(chatId, messageId),
        "chats.deletePair": ({ chatId, messageId }) => chats.deletePair(chatId, messageId),
        "chats.configure": ({ chatId, systemPrompt, sampling, documentIds }) => chats.configure(chatId, {
            ...(systemPrompt !== undefined ? { systemPrompt } : {}),
            ...(sampling !== undefined ? { sampling: sampling == null ? null : withoutUndefined(sampling) } : {}),
            ...(documentIds !== undefined ? { documentIds } : {})
        }),
        "chats.samplingDefaults": ({ chatId }) => chats.samplingDefaults(chatId),
        "chats.search": ({ query }) => chats.search(query),
        "chats.export": ({ chatId, format, includeThinking }) => chats.export(chatId, format, includeThinking ?? false),
        "attachments.begin": ({ chatId, fileName, sizeBytes }) => uploads.begin(chatId, fileName, sizeBytes),
        "attachments.chunk": ({ uploadId, offset, data }) => uploads.chunk(uploadId, offset, data),
        "attachments.finish": async ({ uploadId }) => {
            const { chatId, documents } = await uploads.finish(uploadId);
            const attached = chats.get(chatId).documentIds;
            return chats.configure(chatId, { documentIds: [...attached, ...documents.map((document) => document.id)] });
        },
        "attachments.cancel": ({ uploadId }) => uploads.cancel(uploadId)
    };
}

function withoutUndefined<T extends object>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}
