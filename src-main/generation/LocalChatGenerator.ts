import { randomBytes } from "node:crypto";
import { LlamaChat, LlamaCompletion, type ChatModelFunctions, type LlamaGrammar } from "node-llama-cpp";
import { InvalidInputError } from "@common/errors.js";
import type { AnswerModel } from "../answer/Answerer.js";
import type { Engine } from "../engine/Engine.js";
import type { GenerationTurns, TurnLane } from "../engine/GenerationTurns.js";
import { finishReasonOf } from "./finishReasonOf.js";
import { grammarFor } from "./grammarFor.js";
import { llamaSampling } from "./llamaSampling.js";
import { toFunctions } from "./toFunctions.js";
import { toLlamaHistory } from "./toLlamaHistory.js";
import type { ChatGenerator, CompletionRequest, GenerationRequest, GenerationResult, ToolCall } from "./types.js";

export type LocalChatGeneratorOptions = {
    /** The name the loaded model answers under. */
    modelName: () => string;
    /** Longest answer when the request sets no limit (default 2048 tokens). */
    defaultMaxTokens?: number;
};

/**
 * Generation on this computer's engine: the loaded chat model and its one context sequence, taken in turns
 * with the app's chat. Each request gets a fresh LlamaChat on the sequence; node-llama-cpp reuses the part of
 * the evaluated tokens the new prompt shares with the last one. Unloading the model stops a running request.
 */
export class LocalChatGenerator implements ChatGenerator {
    readonly where = "local";
    readonly #running = new Set<{ controller: AbortController; done: Promise<unknown> }>();
    readonly #offUnload: () => void;

    constructor(
        private readonly engine: Engine,
        private readonly turns: GenerationTurns,
        private readonly lane: TurnLane,
        private readonly options: LocalChatGeneratorOptions
    ) {
        this.#offUnload = engine.onBeforeUnload(() => this.#stopAll());
    }

    get modelName(): string {
        return this.options.modelName();
    }

    answerModel(): AnswerModel {
        const { model, context, parameterCount } = this.engine.requireLoaded();
        return { contextSize: context.contextSize, countTokens: (text) => model.tokenize(text).length, parameterCount };
    }

    generate(request: GenerationRequest): Promise<GenerationResult> {
        return this.turns.run(this.lane, () => this.#track(request.signal, (signal) => this.#generate(request, signal)), request.signal);
    }

    complete(request: CompletionRequest): Promise<GenerationResult> {
        return this.turns.run(this.lane, () => this.#track(request.signal, (signal) => this.#complete(request, signal)), request.signal);
    }

    dispose(): void {
        this.#offUnload();
    }

    async #generate(request: GenerationRequest, signal: AbortSignal): Promise<GenerationResult> {
        const { model, sequence } = this.engine.requireLoaded();
        if (request.format != null && (request.tools?.length ?? 0) > 0)
            throw new InvalidInputError("A response format and tools cannot be used together: ask for one or the other.");
        const grammar: LlamaGrammar | undefined = request.format == null ? undefined : await grammarFor(await this.engine.llama(), request.format);
        const functions: ChatModelFunctions | undefined = (request.tools?.length ?? 0) > 0 ? toFunctions(request.tools!) : undefined;
        const history = toLlamaHistory(request.messages);
        const chat = new LlamaChat({ contextSequence: sequence, autoDisposeSequence: false });
        let completionTokens = 0;
        try {
            const common = {
                signal, stopOnAbortSignal: true, maxTokens: request.maxTokens ?? this.options.defaultMaxTokens ?? 2048,
                ...llamaSampling(request.sampling),
                ...(request.stop?.length ? { customStopTriggers: request.stop } : {}),
                onToken: (tokens: readonly unknown[]) => (completionTokens += tokens.length),
                ...(request.onText ? { onTextChunk: request.onText } : {})
            };
            const response = functions != null
                ? await chat.generateResponse(history, { ...common, functions })
                : await chat.generateResponse(history, { ...common, ...(grammar ? { grammar } : {}) });
            const toolCalls: ToolCall[] = (response.functionCalls ?? []).map((call) => ({
                id: `call_${randomBytes(12).toString("base64url")}`, name: call.functionName, arguments: JSON.stringify(call.params ?? {})
            }));
            const promptTokens = chat.chatWrapper.generateContextState({ chatHistory: history, ...(functions ? { availableFunctions: functions } : {}) })
                .contextText.tokenize(model.tokenizer).length;
            return { text: response.response, toolCalls, finish: finishReasonOf(response.metadata.stopReason), promptTokens, completionTokens };
        } catch (error) {
            if (signal.aborted) return { text: "", toolCalls: [], finish: "aborted", promptTokens: 0, completionTokens };
            throw error;
        } finally {
            chat.dispose({ disposeSequence: false });
        }
    }

    async #complete(request: CompletionRequest, signal: AbortSignal): Promise<GenerationResult> {
        const { model, sequence } = this.engine.requireLoaded();
        const grammar = request.format == null ? undefined : await grammarFor(await this.engine.llama(), request.format);
        const completion = new LlamaCompletion({ contextSequence: sequence, autoDisposeSequence: false });
        let completionTokens = 0;
        try {
            const response = await completion.generateCompletionWithMeta(request.prompt, {
                signal, stopOnAbortSignal: true, maxTokens: request.maxTokens ?? this.options.defaultMaxTokens ?? 2048,
                ...llamaSampling(request.sampling),
                ...(request.stop?.length ? { customStopTriggers: request.stop } : {}),
                ...(grammar ? { grammar } : {}),
                onToken: (tokens) => (completionTokens += tokens.length),
                ...(request.onText ? { onTextChunk: request.onText } : {})
            });
            const promptTokens = model.tokenize(request.prompt).length;
            return { text: response.response, toolCalls: [], finish: finishReasonOf(response.metadata.stopReason), promptTokens, completionTokens };
        } catch (error) {
            if (signal.aborted) return { text: "", toolCalls: [], finish: "aborted", promptTokens: 0, completionTokens };
            throw error;
        } finally {
            completion.dispose({ disposeSequence: false });
        }
    }

    /** Runs a generation that both the caller's signal and a model unload can stop. */
    async #track<T>(callerSignal: AbortSignal | undefined, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
        const controller = new AbortController();
        const forward = () => controller.abort(callerSignal?.reason);
        callerSignal?.addEventListener("abort", forward, { once: true });
        if (callerSignal?.aborted) forward();
        const entry = { controller, done: Promise.resolve() as Promise<unknown> };
        const done = run(controller.signal);
        entry.done = done.catch(() => undefined);
        this.#running.add(entry);
        try {
            return await done;
        } finally {
            this.#running.delete(entry);
            callerSignal?.removeEventListener("abort", forward);
        }
    }

    async #stopAll(): Promise<void> {
        const running = [...this.#running];
        for (const entry of running) entry.controller.abort(new Error("The model was unloaded."));
        await Promise.all(running.map((entry) => entry.done));
    }
}
