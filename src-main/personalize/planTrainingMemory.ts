import type { GgufFileInfo } from "node-llama-cpp";
import { trainingRamBytes } from "../recommend/fit/trainingRamBytes.js";
import { NotEnoughMemoryError } from "./errors/NotEnoughMemoryError.js";

/** What the machine can give a training run now. */
export type TrainingMemory = { availableBytes: number; cpuFeatures: readonly string[] };

export type TrainingMemoryRequest = {
    modelName: string;
    info: GgufFileInfo;
    fileBytes: number;
    windowTokens: number;
    /** The batch the run would use by default; smaller ones are tried when it does not fit. */
    microBatchTokens: number;
    /** A batch the caller chose: only that one is considered. */
    fixedMicroBatch: boolean;
    lastLayers: number;
};

/** Smallest batch worth offering: below it the weights are dequantized for too few tokens at a time. */
const smallestMicroBatch = 128;

/**
 * The batch a run can afford: the default one when its peak memory (recommend/fit/trainingRamBytes)
 * fits in what is free now, else the largest smaller one that does (the logits of a batch are the
 * largest term for small models: halving it saves about 0.4 GB with a 128k vocabulary). Throws
 * NotEnoughMemoryError when even the smallest does not fit, before the worker loads anything.
 */
export function planTrainingMemory(request: TrainingMemoryRequest, memory: TrainingMemory): { microBatchTokens: number; neededBytes: number } {
    const candidates = [request.microBatchTokens];
    if (!request.fixedMicroBatch)
        for (let batch = request.microBatchTokens / 2; batch >= smallestMicroBatch && Number.isInteger(batch); batch /= 2) candidates.push(batch);
    let neededBytes = Number.POSITIVE_INFINITY;
    for (const microBatchTokens of candidates) {
        neededBytes = trainingRamBytes({ ...request, microBatchTokens, cpuFeatures: memory.cpuFeatures });
        if (neededBytes <= memory.availableBytes) return { microBatchTokens, neededBytes };
    }
    throw new NotEnoughMemoryError({ modelName: request.modelName, neededBytes, availableBytes: memory.availableBytes });
}
