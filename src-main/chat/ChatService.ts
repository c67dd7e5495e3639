import type { LibraryScope } from "../library/resolveScope.js";
import { LlamaChatSession } from "node-llama-cpp";
import type { Citation } from "@common/contract/libraryTypes.js";
import type { ChatDetail, ChatMode, ChatSummary, GenerationStopReason } from "@common/contract/types.js";
import { BusyError, LocusError, NotFoundError, UnsupportedError } from "@common/errors.js";
import { GROUNDED_SYSTEM_PROMPT } from "../answer/buildGroundedPrompt.js";
import { CHAT_SAMPLING, GROUNDED_SAMPLING } from "../answer/groundedSampling.js";
import type { Answerer } from "../answer/Answerer.js";
import type { NumberedSource } from "../answer/types.js";
import type { Engine } from "../engine/Engine.js";
import type { GenerationTurns } from "../engine/GenerationTurns.js";
import { GeneratorChatSession, type PromptSession } from "../generation/GeneratorChatSession.js";
import type { ChatGenerator } from "../generation/types.js";
import type { EventHub } from "../services/EventHub.js";
import type { ChatRepository } from "../store/ChatRepository.js";
import { toChatHistory } from "./toChatHistory.js";

const SYSTEM_PROMPT =
    "You are Locus, a private assistant that runs entirely on this computer. Answer clearly and concisely.";
const DEFAULT_TITLE = "New chat";
/** Streaming text is written to the database at most this often, so a crash loses at most this much. */
const PERSIST_INTERVAL_MS = 250;

type Generation = { chatId: string; messageId: string; controller: AbortController; done: Promise<void> };
/** What the model is asked: the question itself, or (library mode) the question with numbered sources. */
type Turn = { prompt: string; grounding: { answerer: Answerer; sources: NumberedSource[]; notice?: string } | null };

/** Chats: persistence, one streamed generation at a time, and Stop. */
export class ChatService {
    #session: { chatId: string; mode: ChatMode; session: PromptSession; remote: ChatGenerator | null } | null = null;
    #generation: Generation | null = null;

    constructor(
        private readonly chats: ChatRepository,
        private readonly engine: Engine,
        private readonly events: EventHub,
        private readonly options: {
            maxAnswerTokens: number; answerer?: (scope?: LibraryScope) => Promise<Answerer>;
            /** Turns on the model's one sequence, shared with the local API; the app's chat takes the "app" lane. */
            turns?: GenerationTurns;
            /** The remote engine while the person chose one in Settings → Engine; null: this computer answers. */
            remote?: () => ChatGenerator | null;
        } = { maxAnswerTokens: 2048 }
    ) {
        chats.markInterrupted();
        engine.onBeforeUnload(() => this.#closeSession());
    }

    list(): ChatSummary[] {
        return this.chats.list();
    }

    create(title?: string): ChatSummary {
        const chat = this.chats.create(title?.trim() || DEFAULT_TITLE);
        this.#changed();
        return chat;
    }

    get(chatId: string): ChatDetail {
        return { ...this.#require(chatId), messages: this.chats.messages(chatId) };
    }

    rename(chatId: string, title: string): ChatSummary {
        this.#require(chatId);
        this.chats.rename(chatId, title);
        this.#changed();
        return this.#require(chatId);
    }

    async delete(chatId: string): Promise<void> {
        this.#require(chatId);
        if (this.#generation?.chatId === chatId) await this.stop(chatId);
        if (this.#session?.chatId === chatId) this.#disposeSession();
        this.chats.delete(chatId);
        this.#changed();
    }

    /** Stores the question, starts the answer in the background and returns the two message ids. */
    /** `scope`: library mode searches only these collections or documents. */
    send(chatId: string, text: string, mode: ChatMode = "chat", scope?: LibraryScope): { userMessageId: string; assistantMessageId: string } {
        const chat = this.#require(chatId);
        const remote = this.options.remote?.() ?? null;
        const local = remote == null ? this.engine.requireLoaded() : null;
        const makeAnswerer = mode === "library" ? this.options.answerer : undefined;
        if (mode === "library" && makeAnswerer == null)
            throw new UnsupportedError("Asking the library is not available here: no document library is set up.");
        if (this.#generation != null)
            throw new BusyError("Locus is still answering. Stop the current answer or wait for it to finish.");

        const earlier = this.chats.messages(chatId);
        const user = this.chats.addMessage(chatId, "user", text, "done");
        const assistant = this.chats.addMessage(chatId, "assistant", "", "streaming");
        if (chat.title === DEFAULT_TITLE && earlier.length === 0) this.chats.rename(chatId, titleFrom(text));
        this.#changed();

        const systemPrompt = mode === "library" ? GROUNDED_SYSTEM_PROMPT : SYSTEM_PROMPT;
        if (this.#session?.chatId !== chatId || this.#session.mode !== mode || this.#session.remote !== remote) {
            this.#disposeSession();
            const session: PromptSession = local != null
                ? new LlamaChatSession({ contextSequence: local.sequence, autoDisposeSequence: false })
                : new GeneratorChatSession(remote!);
            session.setChatHistory(toChatHistory(systemPrompt, earlier));
            this.#session = { chatId, mode, session, remote };
        }
        const controller = new AbortController();
        const generation: Generation = { chatId, messageId: assistant.id, controller, done: Promise.resolve() };
        const turn = async (): Promise<Turn> => {
            if (makeAnswerer == null) return { prompt: text, grounding: null };
            const answerer = await makeAnswerer(scope);
            const answerModel = local != null
                ? { contextSize: local.context.contextSize, countTokens: (t: string) => local.model.tokenize(t).length, parameterCount: local.parameterCount }
                : remote!.answerModel();
            const prepared = await answerer.prepare(text, answerModel, controller.signal);
            return { prompt: prepared.prompt, grounding: { answerer, sources: prepared.sources, ...(prepared.notice ? { notice: prepared.notice } : {}) } };
        };
        generation.done = this.#generate(this.#session.session, generation, turn, local != null).finally(() => {
            if (this.#generation === generation) this.#generation = null;
        });
        this.#generation = generation;
        return { userMessageId: user.id, assistantMessageId: assistant.id };
    }

    /** Stops the answer being generated in this chat; resolves once its text is saved. */
    async stop(chatId: string): Promise<void> {
        const generation = this.#generation;
        if (generation == null || generation.chatId !== chatId) return;
        generation.controller.abort();
        await generation.done;
    }

    async dispose(): Promise<void> {
        await this.#closeSession();
    }

    async #generate(session: PromptSession, generation: Generation, turn: () => Promise<Turn>, local: boolean): Promise<void> {
        const { chatId, messageId, controller } = generation;
        let answer = "";
        let lastPersist = Date.now();
        let reason: GenerationStopReason = "done";
        let errorMessage: string | undefined;
        let grounding: Turn["grounding"] = null;
        try {
            const prepared = await turn();
            grounding = prepared.grounding;
            const prompt = () => session.promptWithMeta(prepared.prompt, {
                signal: controller.signal,
                stopOnAbortSignal: true,
                maxTokens: this.options.maxAnswerTokens,
                ...(grounding != null ? GROUNDED_SAMPLING : CHAT_SAMPLING),
                onTextChunk: (chunk) => {
                    answer += chunk;
                    this.events.emit("chat.token", { chatId, messageId, text: chunk });
                    if (Date.now() - lastPersist >= PERSIST_INTERVAL_MS) {
                        lastPersist = Date.now();
                        this.chats.updateMessage(messageId, answer, "streaming");
                    }
                }
            });
            const turns = this.options.turns;
            // A remote server takes its own turns; this computer's one sequence is shared with the local API.
            const result = turns == null || !local ? await prompt() : await turns.run("app", prompt, controller.signal);
            answer = result.responseText;
            if (result.stopReason === "abort") reason = "stopped";
            else if (result.stopReason === "maxTokens") reason = "max-tokens";
        } catch (error) {
            reason = controller.signal.aborted ? "stopped" : "error";
            // The remote engine's errors already say what happened and what to do.
            const said = error instanceof LocusError && error.kind === "network" ? error.message : `The model failed while answering: ${describe(error)}`;
            errorMessage = reason === "error" ? said : undefined;
            // The session's history no longer matches the database; rebuild it on the next message.
            this.#disposeSession();
        }
        let citations: Citation[] | undefined;
        if (grounding != null) {
            const finished = grounding.answerer.finish(answer, grounding.sources);
            answer = finished.text;
            citations = finished.citations;
        }
        this.chats.updateMessage(messageId, answer, reason === "error" ? "error" : reason === "stopped" ? "stopped" : "done", errorMessage);
        if (citations != null) this.chats.setCitations(messageId, citations);
        this.events.emit("chat.done", {
            chatId, messageId, reason, ...(errorMessage ? { error: errorMessage } : {}),
            ...(citations != null ? { content: answer, citations } : {}),
            ...(grounding?.notice ? { notice: grounding.notice } : {})
        });
    }

    async #closeSession(): Promise<void> {
        const generation = this.#generation;
        if (generation != null) {
            generation.controller.abort();
            await generation.done;
        }
        this.#disposeSession();
    }

    #disposeSession(): void {
        this.#session?.session.dispose({ disposeSequence: false });
        this.#session = null;
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

function titleFrom(text: string): string {
    const line = text.replace(/\s+/g, " ").trim();
    return line.length <= 48 ? line : `${line.slice(0, 47)}…`;
}

function describe(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
}
