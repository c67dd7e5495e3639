import {
    defaultSystemPrompt, type ChatExport, type ChatExportFormat, type ChatSearchHit, type ChatSettings, type SamplingDefaults, type SamplingSettings
} from "@common/contract/chatTypes.js";
import type { SendResult } from "@common/contract/methods.js";
import type { ChatDetail, ChatMessage, ChatMode, ChatSummary } from "@common/contract/types.js";
import { BusyError, InvalidInputError, NotFoundError, UnsupportedError } from "@common/errors.js";
import type { Answerer } from "../answer/Answerer.js";
import type { LibraryScope } from "../library/resolveScope.js";
import { GROUNDED_SYSTEM_PROMPT } from "../answer/buildGroundedPrompt.js";
import type { Engine } from "../engine/Engine.js";
import type { GenerationTurns } from "../engine/GenerationTurns.js";
import type { ChatGenerator as TextGenerator } from "../generation/types.js";
import { toFtsQuery } from "../retrieval/toFtsQuery.js";
import type { ChatRepository } from "../store/ChatRepository.js";
import type { StoredMessage } from "../store/MessageRepository.js";
import { ancestors } from "./branches/ancestors.js";
import { activeBranch } from "./branches/activeBranch.js";
import { childrenByParent } from "./branches/childrenByParent.js";
import { planPairDeletion } from "./branches/planPairDeletion.js";
import { branchMessages, toChatMessage } from "./branchMessages.js";
import { exportChat } from "./export/exportChat.js";
import { ChatGenerator, type ChatEvents } from "./generation/ChatGenerator.js";
import { effectiveSampling } from "./sampling/effectiveSampling.js";
import { modelSampling } from "./sampling/modelSampling.js";
import { searchSnippet } from "./search/searchSnippet.js";
import { titleFrom } from "./titleFrom.js";

const DEFAULT_TITLE = "New chat";

/** The person's chat defaults (from Settings). */
export type ChatDefaults = { systemPrompt: string; sampling: SamplingSettings; discourageThinking: boolean };

export type ChatServiceOptions = {
    /** Locus's longest answer when no sampling setting says otherwise. */
    maxAnswerTokens: number;
    /** Answers from the library, searching only `scope` when one is given. */
    answerer?: (scope?: LibraryScope) => Promise<Answerer>;
    defaults?: () => ChatDefaults;
    /** A library document's name, or undefined when it is not (or no longer) in the library. */
    documentName?: (documentId: string) => string | undefined;
    /** Turns on the model's one sequence, shared with the local API; the app's chat takes the "app" lane. */
    turns?: GenerationTurns;
    /** The remote engine while the person chose one in Settings → Engine; null: this computer answers. */
    remote?: () => TextGenerator | null;
};

/**
 * Chats: persistence as a tree of versions, one streamed generation at a time with Stop, regenerate and
 * edit (new versions, old ones kept), per-chat settings, search and export.
 */
export class ChatService {
    readonly #generator: ChatGenerator;

    constructor(
        private readonly chats: ChatRepository,
        private readonly engine: Engine,
        private readonly events: ChatEvents,
        private readonly options: ChatServiceOptions = { maxAnswerTokens: 2048 }
    ) {
        chats.messages.markInterrupted();
        this.#generator = new ChatGenerator(chats.messages, engine, events, {
            ...(options.answerer ? { answerer: options.answerer } : {}),
            ...(options.turns ? { turns: options.turns } : {}),
            describe: (chatId, messageId) => this.#describe(chatId, messageId)
        });
    }

    list(): ChatSummary[] {
        return this.chats.list();
    }

    exists(chatId: string): boolean {
        return this.chats.get(chatId) !== undefined;
    }

    create(title?: string): ChatSummary {
        const chat = this.chats.create(title?.trim() || DEFAULT_TITLE);
        this.#changed();
        return chat;
    }

    get(chatId: string): ChatDetail {
        const chat = this.#require(chatId);
        return { ...chat, ...this.chats.settings(chatId)!, messages: branchMessages(this.chats.messages.all(chatId)) };
    }

    rename(chatId: string, title: string): ChatSummary {
        this.#require(chatId);
        this.chats.rename(chatId, title);
        this.#changed();
        return this.#require(chatId);
    }

    async delete(chatId: string): Promise<void> {
        this.#require(chatId);
        await this.#generator.stop(chatId);
        this.chats.delete(chatId);
        this.#changed();
    }

    /** Stores the question after the branch shown, starts the answer in the background and returns both ids. */
    send(chatId: string, text: string, mode: ChatMode = "chat", collectionIds?: readonly string[]): SendResult {
        const chat = this.#readyToAnswer(chatId, mode);
        const branch = activeBranch(this.chats.messages.all(chatId)).map((step) => step.message);
        const user = this.chats.messages.add(chatId, "user", text, "done", branch.at(-1)?.id ?? null);
        if (chat.title === DEFAULT_TITLE && branch.length === 0) this.chats.rename(chatId, titleFrom(text));
        return this.#answer(chatId, user, branch, mode, collectionIds);
    }

    /** A new version of an answer; the old one stays, one arrow away. */
    regenerate(chatId: string, messageId: string, mode: ChatMode = "chat", collectionIds?: readonly string[]): SendResult {
        this.#readyToAnswer(chatId, mode);
        const all = this.chats.messages.all(chatId);
        const answer = this.#message(all, messageId, "assistant");
        const question = all.find((message) => message.id === answer.parentId && message.role === "user");
        if (question === undefined) throw new NotFoundError("The question this answer belongs to no longer exists, so it cannot be answered again.");
        return this.#answer(chatId, question, ancestors(all, question.id).slice(0, -1), mode, collectionIds);
    }

    /** A new version of a question, answered; the conversation goes on from it and the old branch stays reachable. */
    edit(chatId: string, messageId: string, text: string, mode: ChatMode = "chat", collectionIds?: readonly string[]): SendResult {
        const chat = this.#readyToAnswer(chatId, mode);
        const all = this.chats.messages.all(chatId);
        const old = this.#message(all, messageId, "user");
        if (text.trim() === "") throw new InvalidInputError("An edited message cannot be empty. Type the question, or delete the message instead.");
        const earlier = old.parentId == null ? [] : ancestors(all, old.parentId);
        const user = this.chats.messages.add(chatId, "user", text, "done", old.parentId);
        if (earlier.length === 0 && chat.title === titleFrom(old.content)) this.chats.rename(chatId, titleFrom(text));
        return this.#answer(chatId, user, earlier, mode, collectionIds);
    }

    /** Shows this version of a message, and the branch that follows it. */
    switchVersion(chatId: string, messageId: string): ChatDetail {
        this.#requireIdle(chatId);
        this.#message(this.chats.messages.all(chatId), messageId);
        this.chats.messages.choose(messageId);
        return this.get(chatId);
    }

    /** Deletes a question and its answer (either id); the messages after them stay. */
    deletePair(chatId: string, messageId: string): ChatDetail {
        this.#requireIdle(chatId);
        const plan = planPairDeletion(this.chats.messages.all(chatId), messageId);
        if (plan === null) throw new NotFoundError("That message no longer exists. It may have been deleted.");
        this.chats.messages.removeAndReattach(plan.remove, plan.reattach, plan.to, plan.chosen);
        this.chats.touch(chatId);
        this.#changed();
        return this.get(chatId);
    }

    /** Changes the chat's own system prompt, sampling or attached documents (null: back to the default). */
    configure(chatId: string, patch: Partial<ChatSettings>): ChatDetail {
        this.#require(chatId);
        for (const documentId of patch.documentIds ?? [])
            if (this.options.documentName?.(documentId) === undefined)
                throw new NotFoundError("That document is no longer in the library. Add it again to ask about it.");
        this.chats.configure(chatId, patch);
        return this.get(chatId);
    }

    /** The sampling each mode would use in this chat now, and what the loaded model's file recommends. */
    samplingDefaults(chatId?: string): SamplingDefaults {
        const chat = chatId === undefined ? null : (this.chats.settings(chatId)?.sampling ?? null);
        const loaded = this.engine.status.state === "ready" ? this.engine.requireLoaded() : null;
        const model = loaded == null ? {} : modelSampling(loaded.model.fileInfo.metadata);
        const layers = { chat, settings: this.#defaults().sampling, model, maxTokens: this.options.maxAnswerTokens };
        return {
            chat: effectiveSampling("chat", layers), library: effectiveSampling("library", layers), model,
            modelName: loaded == null ? null : loaded.model.filename ?? null
        };
    }

    /** Chats whose title or messages contain every word typed (the last one as a prefix), best first. */
    search(query: string, limit = 30): ChatSearchHit[] {
        const match = toFtsQuery(query, { allTerms: true, prefixLast: true });
        if (match === undefined) return [];
        const summaries = new Map(this.chats.list().map((chat) => [chat.id, chat]));
        return this.chats.search.search(match, limit).flatMap((hit) => {
            const chat = summaries.get(hit.chatId);
            if (chat === undefined) return [];
            const snippet = hit.content == null ? chat.title : searchSnippet(hit.content, query);
            return [{ chatId: chat.id, title: chat.title, snippet, messageId: hit.messageId, updatedAt: chat.updatedAt }];
        });
    }

    export(chatId: string, format: ChatExportFormat, includeThinking = false): ChatExport {
        return exportChat(this.get(chatId), format, {
            includeThinking, exportedAt: new Date(), defaultSystemPrompt: this.#defaults().systemPrompt,
            sourceExists: (documentId) => this.options.documentName?.(documentId) !== undefined
        });
    }

    /** Stops the answer being generated in this chat; resolves once its text is saved. */
    stop(chatId: string): Promise<void> {
        return this.#generator.stop(chatId);
    }

    dispose(): Promise<void> {
        return this.#generator.close();
    }

    /** Stores the streaming answer after `question` and starts generating it from `earlier` (the branch before the question). */
    /** `collectionIds`: library questions search only those collections (with any documents attached to the chat). */
    #answer(chatId: string, question: StoredMessage, earlier: readonly StoredMessage[], mode: ChatMode, collectionIds?: readonly string[]): SendResult {
        // A server's model file is not here to recommend sampling: the chat's and Settings' values (or Locus's) go to it.
        const remote = this.#remote();
        const loaded = remote == null ? this.engine.requireLoaded() : null;
        const assistant = this.chats.messages.add(chatId, "assistant", "", "streaming", question.id);
        const settings = this.chats.settings(chatId)!;
        const defaults = this.#defaults();
        const model = loaded == null ? {} : modelSampling(loaded.model.fileInfo.metadata);
        const layers = { chat: settings.sampling, settings: defaults.sampling, model, maxTokens: this.options.maxAnswerTokens };
        // Library answers keep Locus's grounding instructions; a chat's own prompt is added after them.
        const systemPrompt = mode === "library"
            ? [GROUNDED_SYSTEM_PROMPT, settings.systemPrompt].filter((part) => part != null).join("\n\n")
            : settings.systemPrompt ?? defaults.systemPrompt;
        this.#generator.start({
            chatId, messageId: assistant.id, earlier, question: question.content, mode, systemPrompt,
            sampling: effectiveSampling(mode, layers), scope: {
                ...(collectionIds?.length ? { collectionIds } : {}), ...(settings.documentIds.length > 0 ? { documentIds: settings.documentIds } : {})
            },
            discourageThinking: defaults.discourageThinking, remote
        });
        this.#changed();
        return { userMessageId: question.id, assistantMessageId: assistant.id, chat: this.get(chatId) };
    }

    #readyToAnswer(chatId: string, mode: ChatMode): ChatSummary {
        const chat = this.#require(chatId);
        // With a remote engine chosen, no model need be loaded here.
        if (this.#remote() == null) this.engine.requireLoaded();
        if (mode === "library" && this.options.answerer == null)
            throw new UnsupportedError("Asking the library is not available here: no document library is set up.");
        this.#generator.assertIdle();
        return chat;
    }

    #requireIdle(chatId: string): void {
        this.#require(chatId);
        if (this.#generator.busyChatId === chatId)
            throw new BusyError("Locus is still answering in this chat. Stop the answer or wait for it to finish.");
    }

    #message(all: readonly StoredMessage[], messageId: string, role?: StoredMessage["role"]): StoredMessage {
        const message = all.find((item) => item.id === messageId);
        if (message === undefined) throw new NotFoundError("That message no longer exists. It may have been deleted.");
        if (role !== undefined && message.role !== role)
            throw new InvalidInputError(role === "user" ? "Only your own messages can be edited." : "Only Locus's answers can be regenerated.");
        return message;
    }

    #describe(chatId: string, messageId: string): ChatMessage | undefined {
        const all = this.chats.messages.all(chatId);
        const message = all.find((item) => item.id === messageId);
        if (message === undefined) return undefined;
        const versions = (childrenByParent(all).get(message.parentId) ?? []).map((item) => item.id);
        return toChatMessage(message, versions);
    }

    #remote(): TextGenerator | null {
        return this.options.remote?.() ?? null;
    }

    #defaults(): ChatDefaults {
        return this.options.defaults?.() ?? { systemPrompt: defaultSystemPrompt, sampling: {}, discourageThinking: false };
    }

    #require(chatId: string): ChatSummary {
        const chat = this.chats.get(chatId);
        if (chat == null) throw new NotFoundError("That chat no longer exists. It may have been deleted.");
        return chat;
    }

    #changed(): void {
        this.events.emit("chats.changed", { chats: this.chats.list() });
    }
}
