import { LlamaChatSession, type Llama, type LlamaContext, type LlamaContextSequence, type LlamaModel, type Token } from "node-llama-cpp";
import { GROUNDED_SAMPLING } from "../../answer/groundedSampling.js";
import { scoreContinuation } from "../../engine/scoreContinuation.js";
import { chatPrefixTokens } from "./chatPrefixTokens.js";

export type ScorerOptions = { threads: number; contextSize: number; gpu: boolean };

export type Likelihood = {
    logProb: number;
    tokens: number;
    /** exp(mean log-probability per token): how readily the model writes the answer, from 0 to 1. */
    perTokenProbability: number;
};

export type Generated = { text: string; tokens: number; timeToFirstTokenMs: number; tokensPerSecond: number };

/**
 * One model file, loaded for the Advisor apart from chat's (chat keeps answering meanwhile), with at most
 * one adapter applied: scores answers by their log-likelihood after a prompt, writes answers greedily, and
 * measures how well the model predicts plain prose. Contexts are recreated when the adapter changes.
 */
export class ProbeScorer {
    #context: LlamaContext;
    #sequence: LlamaContextSequence;
    #adapter: string | null = null;

    private constructor(
        readonly model: LlamaModel,
        context: LlamaContext,
        private readonly options: ScorerOptions
    ) {
        this.#context = context;
        this.#sequence = context.getSequence();
    }

    static async open(llama: Llama, modelPath: string, options: ScorerOptions): Promise<ProbeScorer> {
        const model = await llama.loadModel({ modelPath, gpuLayers: options.gpu ? "auto" : 0 });
        try {
            const context = await ProbeScorer.#createContext(model, options, null);
            return new ProbeScorer(model, context, options);
        } catch (error) {
            await model.dispose();
            throw error;
        }
    }

    get adapter(): string | null {
        return this.#adapter;
    }

    get contextSize(): number {
        return this.#context.contextSize;
    }

    /** Applies this adapter (or none) from now on. */
    async useAdapter(adapterPath: string | null): Promise<void> {
        if (adapterPath === this.#adapter) return;
        await this.#context.dispose();
        this.#context = await ProbeScorer.#createContext(this.model, this.options, adapterPath);
        this.#sequence = this.#context.getSequence();
        this.#adapter = adapterPath;
    }

    /** How likely the model finds `answer` as its reply to this one-turn chat. */
    async likelihood(systemPrompt: string, userText: string, answer: string): Promise<Likelihood> {
        const prefix = this.#fit(chatPrefixTokens(this.model, systemPrompt, userText), answer);
        const continuation = this.model.tokenize(answer, false);
        const score = await scoreContinuation(this.#sequence, prefix, continuation);
        return { logProb: score.logProb, tokens: score.tokens, perTokenProbability: Math.exp(score.logProb / Math.max(1, score.tokens)) };
    }

    /** The model's own greedy answer to this one-turn chat, timed. */
    async generate(systemPrompt: string, userText: string, maxTokens: number): Promise<Generated> {
        await this.#sequence.clearHistory();
        const session = new LlamaChatSession({ contextSequence: this.#sequence, systemPrompt, autoDisposeSequence: false });
        const started = performance.now();
        let firstAt: number | null = null;
        try {
            const result = await session.promptWithMeta(userText, {
                maxTokens, ...GROUNDED_SAMPLING,
                onTextChunk: () => {
                    firstAt ??= performance.now();
                }
            });
            const ended = performance.now();
            const tokens = this.model.tokenize(result.responseText, false).length;
            const decodeSeconds = Math.max(1e-6, (ended - (firstAt ?? ended)) / 1000);
            return {
                text: result.responseText, tokens, timeToFirstTokenMs: (firstAt ?? ended) - started,
                tokensPerSecond: tokens > 1 ? (tokens - 1) / decodeSeconds : 0
            };
        } finally {
            session.dispose({ disposeSequence: false });
            await this.#sequence.clearHistory();
        }
    }

    /** Mean negative log-likelihood per token of plain text, read in windows of half the context. */
    async proseLoss(text: string): Promise<number> {
        const tokens = this.model.tokenize(text, false);
        const window = Math.max(64, Math.floor(this.contextSize / 2));
        const start = this.model.tokens.bos ?? tokens[0]!;
        let total = 0;
        let count = 0;
        for (let at = 0; at < tokens.length; at += window) {
            const piece = tokens.slice(at, at + window);
            const score = await scoreContinuation(this.#sequence, [start], piece);
            total -= score.logProb;
            count += score.tokens;
        }
        return total / Math.max(1, count);
    }

    async dispose(): Promise<void> {
        await this.#context.dispose();
        await this.model.dispose();
    }

    /** The prompt, cut from the front when it would not leave room for the answer (very long sources). */
    #fit(prefix: Token[], answer: string): Token[] {
        const room = this.contextSize - this.model.tokenize(answer, false).length - 8;
        return prefix.length <= room ? prefix : prefix.slice(prefix.length - room);
    }

    static #createContext(model: LlamaModel, options: ScorerOptions, adapterPath: string | null): Promise<LlamaContext> {
        const contextSize = Math.min(options.contextSize, model.trainContextSize);
        return model.createContext({
            contextSize, sequences: 1, threads: { ideal: options.threads, min: 1 }, batchSize: Math.min(512, contextSize),
            ...(adapterPath == null ? {} : { lora: { adapters: [{ filePath: adapterPath }] } })
        });
    }
}
