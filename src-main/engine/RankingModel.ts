import path from "node:path";
import { GgufInsights, readGgufFileInfo, type Llama, type LlamaModel, type LlamaRankingContext } from "node-llama-cpp";
import { BadModelFileError } from "@common/errors.js";
import { modelRole } from "./modelRole.js";

export type RankingModelOptions = {
    /** llama.cpp threads for the ranking context; always explicit (see chooseThreads). */
    threads: number;
    /** Longest query + passage in tokens (default 1024, capped by the model's training context). */
    contextSize?: number;
};

/**
 * A reranker (cross-encoder) GGUF with node-llama-cpp's ranking context: scores how well each passage
 * answers a query, from 0 to 1. Passages longer than the context are scored by their best window.
 */
export class RankingModel {
    /** Rankings under way: disposing waits for them, so changing the setting never breaks a question being answered. */
    readonly #pending = new Set<Promise<number[]>>();

    private constructor(
        readonly fileName: string,
        private readonly model: LlamaModel,
        private readonly context: LlamaRankingContext
    ) {}

    static async load(llama: Llama, filePath: string, options: RankingModelOptions): Promise<RankingModel> {
        const fileName = path.basename(filePath);
        const info = await readGgufFileInfo(filePath, { readTensorInfo: true, logWarnings: false }).catch((error: unknown) => {
            throw new BadModelFileError(`${fileName} is not a readable GGUF model (${error instanceof Error ? error.message : String(error)}).`);
        });
        const role = modelRole(info);
        if (role !== "reranker")
            throw new BadModelFileError(`${fileName} is ${role === "chat" ? "a chat" : "an embedding"} model, not a reranker. Choose a reranking model (for example bge-reranker-v2-m3) or turn reranking off.`);
        const insights = await GgufInsights.from(info, llama);
        if (!insights.isSupportedByLlamaCpp || !insights.supportsRanking)
            throw new BadModelFileError(`${fileName} cannot rank passages with this version of Locus. Choose another reranking model or turn reranking off.`);

        const model = await llama.loadModel({ modelPath: filePath, gpuLayers: 0 });
        try {
            const contextSize = Math.min(options.contextSize ?? 1024, insights.trainContextSize ?? 512);
            // An encoder sees its whole input in one batch, so the batch is the context.
            const context = await model.createRankingContext({ contextSize, batchSize: contextSize, threads: options.threads });
            return new RankingModel(fileName, model, context);
        } catch (error) {
            await model.dispose();
            throw error;
        }
    }

    /** One score per passage, in order; higher is more relevant. */
    rankAll(query: string, passages: readonly string[]): Promise<number[]> {
        const ranking = this.context.rankAll(query, [...passages], { onOverflow: "maxChunk" });
        this.#pending.add(ranking);
        const settle = () => this.#pending.delete(ranking);
        ranking.then(settle, settle);
        return ranking;
    }

    async dispose(): Promise<void> {
        await Promise.allSettled([...this.#pending]);
        await this.context.dispose();
        await this.model.dispose();
    }
}
