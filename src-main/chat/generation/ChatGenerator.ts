import { LlamaChatSession, resolveChatWrapper, type ChatHistoryItem, type LlamaContextSequence } from "node-llama-cpp";
import type { EffectiveSampling } from "@common/contract/chatTypes.js";
import type { EventName, Events } from "@common/contract/events.js";
import type { Citation } from "@common/contract/libraryTypes.js";
import type { ChatMessage, ChatMode, GenerationStopReason } from "@common/contract/types.js";
import { BusyError, LocusError } from "@common/errors.js";
import type { LibraryScope } from "../../library/resolveScope.js";
import type { Answerer } from "../../answer/Answerer.js";
import type { NumberedSource } from "../../answer/types.js";
import type { Engine } from "../../engine/Engine.js";
import type { GenerationTurns } from "../../engine/GenerationTurns.js";
import type { ChatGenerator as TextGenerator } from "../../generation/types.js";
import type { MessageRepository } from "../../store/MessageRepository.js";
import { toEngineSampling } from "../sampling/toEngineSampling.js";
import { toChatHistory } from "../toChatHistory.js";
import { AnswerMeter } from "./AnswerMeter.js";
import { answerRemotely } from "./answerRemotely.js";
import { fitHistory } from "./fitHistory.js";

/** Streaming text is written to the database at most this often, so a crash loses at most this much. */
const PERSIST_INTERVAL_MS = 250;

/** Where chat events go (the app's event hub). */
export type ChatEvents = { emit<E extends EventName>(event: E, payload: Events[E]): void };

/** One answer to generate: where it goes, what the model sees, and how it picks its words. */
export type AnswerRequest = {
    chatId: string;
    /** The assistant message, already stored as `streaming`. */
    messageId: string;
    /** The messages before the question, oldest first: the branch being answered. */
    earlier: readonly ChatMessage[];
    question: string;
    mode: ChatMode;
    systemPrompt: string;
    sampling: EffectiveSampling;
    /** Library questions: only these collections and documents (none: the whole library). */
    scope: LibraryScope;
    /** Ask a thinking model to answer without thinking. */
    discourageThinking: boolean;
    /** The remote engine (an OpenAI-compatible server) that answers; null: the model on this computer. */
    remote: TextGenerator | null;
};

type Generation = { chatId: string; messageId: string; controller: AbortController; done: Promise<void> };
type LoadedModel = ReturnType<Engine["requireLoaded"]>;
type Grounding = { answerer: Answerer; sources: NumberedSource[]; notice?: string };

/** Generates answers, one at a time, with Stop: streams tokens and thinking as events and saves as it goes. */
export class ChatGenerator {
    #session: { sequence: LlamaContextSequence; discourage: boolean; session: LlamaChatSession } | null = null;
    #generation: Generation | null = null;

    constructor(
        private readonly messages: MessageRepository,
        private readonly engine: Engine,
        private readonly events: ChatEvents,
        private readonly options: {
            answerer?: (scope?: LibraryScope) => Promise<Answerer>;
            /** The stored message as the renderer sees it (versions included), for the `chat.done` event. */
            describe: (chatId: string, messageId: string) => ChatMessage | undefined;
            /** Turns on the model's one sequence, shared with the local API; the app's chat takes the "app" lane. */
            turns?: GenerationTurns;
        }
    ) {
        engine.onBeforeUnload(() => this.close());
    }

    /** The chat whose answer is being generated, if any. */
    get busyChatId(): string | null {
        return this.#generation?.chatId ?? null;
    }

    /** Throws when an answer is already being generated. */
    assertIdle(): void {
        if (this.#generation != null) throw new BusyError("Locus is still answering. Stop the current answer or wait for it to finish.");
    }

    /** Starts the answer in the background. */
    start(request: AnswerRequest): void {
        this.assertIdle();
        const controller = new AbortController();
        const generation: Generation = { chatId: request.chatId, messageId: request.messageId, controller, done: Promise.resolve() };
        generation.done = this.#generate(request, controller.signal, () => {
            if (this.#generation === generation) this.#generation = null;
        }).finally(() => {
            if (this.#generation === generation) this.#generation = null;
        });
        this.#generation = generation;
    }

    /** Stops the answer being generated in this chat; resolves once its text is saved. */
    async stop(chatId: string): Promise<void> {
        const generation = this.#generation;
        if (generation == null || generation.chatId !== chatId) return;
        generation.controller.abort();
        await generation.done;
    }

    /** Stops any answer and frees the session (before the model or its context goes away). */
    async close(): Promise<void> {
        const generation = this.#generation;
        if (generation != null) {
            generation.controller.abort();
            await generation.done;
        }
        this.#disposeSession();
    }

    /** `release` frees the generator before `chat.done` goes out, so a question sent on that event is accepted. */
    async #generate(request: AnswerRequest, signal: AbortSignal, release: () => void): Promise<void> {
        const { chatId, messageId } = request;
        const meter = new AnswerMeter();
        let answer = "";
        let thinking = "";
        let lastPersist = Date.now();
        let reason: GenerationStopReason = "done";
        let errorMessage: string | undefined;
        let grounding: Grounding | null = null;
        let leftOut = 0;
        let thought = false;
        const save = () => {
            lastPersist = Date.now();
            this.messages.progress(messageId, answer, thinking === "" ? null : thinking);
        };
        const onPiece = (text: string, isThought: boolean, tokens: number) => {
            thought ||= isThought;
            meter.tokens(tokens, isThought);
            if (text === "") return;
            if (isThought) thinking += text;
            else answer += text;
            this.events.emit("chat.token", { chatId, messageId, text, ...(isThought ? { part: "thinking" as const } : {}) });
            if (Date.now() - lastPersist >= PERSIST_INTERVAL_MS) save();
        };
        const remote = request.remote;
        try {
            const local = remote == null ? this.engine.requireLoaded() : null;
            let prompt = request.question;
            if (request.mode === "library") {
                const answerer = await this.options.answerer!(request.scope);
                const answerModel = local != null
                    ? { contextSize: local.context.contextSize, countTokens: (t: string) => local.model.tokenize(t).length, parameterCount: local.parameterCount }
                    : remote!.answerModel();
                const prepared = await answerer.prepare(request.question, answerModel, signal);
                prompt = prepared.prompt;
                grounding = { answerer, sources: prepared.sources, ...(prepared.notice ? { notice: prepared.notice } : {}) };
            }
            // A server takes its own turns; this computer's one sequence is shared with the local API.
            const result = remote != null
                ? await answerRemotely(remote, {
                    history: toChatHistory(request.systemPrompt, request.earlier), prompt, sampling: request.sampling.values, signal,
                    onText: (text, isThought) => onPiece(text, isThought, 1)
                })
                : await this.#answerLocally(local!, request, prompt, signal, onPiece);
            leftOut = result.leftOut;
            // After a thinking section the answer starts with the line break that closed it.
            answer = thought ? result.text.trimStart() : result.text;
            if (result.stopReason === "abort") reason = "stopped";
            else if (result.stopReason === "maxTokens") reason = "max-tokens";
        } catch (error) {
            reason = signal.aborted ? "stopped" : "error";
            // The remote engine's errors already say what happened and what to do.
            const said = error instanceof LocusError && error.kind === "network" ? error.message : `The model failed while answering: ${describe(error)}`;
            errorMessage = reason === "error" ? said : undefined;
            // The session may hold a half-evaluated state; the next answer starts a fresh one.
            this.#disposeSession();
        }
        let citations: Citation[] | undefined;
        if (grounding != null) {
            // Citations are checked on the answer only: thinking never carries citations.
            const finished = grounding.answerer.finish(answer, grounding.sources);
            answer = finished.text;
            citations = finished.citations;
        }
        const notice = [
            leftOut > 0 ? `This conversation no longer fits the model's context: the ${leftOut} oldest messages were left out of this answer.` : null,
            grounding?.notice ?? null
        ].filter((part) => part != null).join(" ");
        // A server answers without this computer's adapter.
        const adapter = remote == null ? this.engine.status.adapter?.name : undefined;
        this.messages.finish(messageId, {
            content: answer,
            status: reason === "error" ? "error" : reason === "stopped" ? "stopped" : "done",
            ...(errorMessage ? { error: errorMessage } : {}),
            ...(citations ? { citations } : {}),
            ...(thinking.trim() !== "" ? { thinking: { text: thinking.trim(), seconds: meter.thinkingSeconds() } } : {}),
            ...(notice ? { notice } : {}),
            figures: {
                ...meter.figures(), mode: request.mode, ...(grounding ? { sources: grounding.sources.length } : {}),
                ...(adapter ? { adapter } : {}), ...(remote != null ? { modelName: remote.modelName } : {}), ...(leftOut > 0 ? { leftOut } : {}), sampling: request.sampling.values
            }
        });
        const message = this.options.describe(chatId, messageId);
        release();
        this.events.emit("chat.done", {
            chatId, messageId, reason, ...(errorMessage ? { error: errorMessage } : {}),
            ...(citations != null ? { content: answer, citations } : {}),
            ...(grounding?.notice ? { notice: grounding.notice } : {}),
            ...(message ? { message } : {})
        });
    }

    /** One answer from the model on this computer, in the app's turn on its one sequence. */
    async #answerLocally(
        local: LoadedModel, request: AnswerRequest, prompt: string, signal: AbortSignal,
        onPiece: (text: string, isThought: boolean, tokens: number) => void
    ): Promise<{ text: string; stopReason: string; leftOut: number }> {
        const { model, context, sequence } = local;
        const session = this.#sessionFor(sequence, request.discourageThinking);
        const engineSampling = toEngineSampling(request.sampling.values, context.contextSize);
        const reserve = Math.min(engineSampling.maxTokens, Math.floor(context.contextSize / 4));
        const count = (items: ChatHistoryItem[]) =>
            session.chatWrapper.generateContextState({ chatHistory: items }).contextText.tokenize(model.tokenizer).length;
        const fitted = fitHistory(toChatHistory(request.systemPrompt, request.earlier), prompt, context.contextSize - reserve, count);
        session.setChatHistory(fitted.history);
        signal.throwIfAborted();
        const generate = () => session.promptWithMeta(prompt, {
            signal,
            stopOnAbortSignal: true,
            ...engineSampling,
            ...(request.discourageThinking ? { budgets: { thoughtTokens: 0 } } : {}),
            onResponseChunk: (chunk) => {
                const isThought = chunk.type === "segment" && chunk.segmentType === "thought";
                // Other segments (not thinking) are counted but not shown.
                onPiece(chunk.type === "segment" && !isThought ? "" : chunk.text, isThought, chunk.tokens.length);
            }
        });
        const turns = this.options.turns;
        const result = turns == null ? await generate() : await turns.run("app", generate, signal);
        return { text: result.responseText, stopReason: result.stopReason, leftOut: fitted.leftOut };
    }

    /** One session per context sequence and thinking choice; its history is set before every answer. */
    #sessionFor(sequence: LlamaContextSequence, discourage: boolean): LlamaChatSession {
        const current = this.#session;
        if (current != null && current.sequence === sequence && current.discourage === discourage && !current.session.disposed) return current.session;
        this.#disposeSession();
        const chatWrapper = resolveChatWrapper(sequence.model, discourage ? { customWrapperSettings: { qwen: { thoughts: "discourage" } } } : {});
        const session = new LlamaChatSession({ contextSequence: sequence, autoDisposeSequence: false, chatWrapper });
        this.#session = { sequence, discourage, session };
        return session;
    }

    #disposeSession(): void {
        const session = this.#session?.session;
        this.#session = null;
        if (session != null && !session.disposed) session.dispose({ disposeSequence: false });
    }
}

function describe(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
}
