import type { FitResult, Recommendation } from "@common/setup/types.js";
import { chatCandidates } from "./chatCandidates.js";
import { chooseAlternatives, toChatChoice } from "./chooseAlternatives.js";
import { chooseChatModel, littleDataTokens } from "./chooseChatModel.js";
import { chooseEmbeddingModel } from "./chooseEmbeddingModel.js";
import { chooseLearningPlan } from "./chooseLearningPlan.js";
import { desiredContextSize } from "./desiredContextSize.js";
import { estimateFitFromCatalog } from "./fit/estimateFitFromCatalog.js";
import { effectiveBitsPerWeight } from "./rankCandidates.js";
import { recommendThreads } from "./recommendThreads.js";
import type { FitLookup, RecommendInput } from "./recommendTypes.js";
import { sizeClassOf } from "./sizeClassOf.js";

/** Given fits first, then the catalog estimate for anything not given. */
function fitLookup(input: RecommendInput): FitLookup {
    const given = new Map<string, FitResult>();
    for (const fit of input.fits ?? []) given.set(`${fit.modelId}|${fit.quant}|${fit.contextSize}`, fit);
    return (entry, quant, contextSize) =>
        given.get(`${entry.id}|${quant.quant}|${contextSize}`) ?? estimateFitFromCatalog(entry, quant, contextSize, input.hardware);
}

/**
 * The setup policy: pure, no I/O. Maps the machine, the amount of indexed data, the task, the learning
 * budget and the latency preference to a configuration, each part with a one-sentence reason.
 * Every chat choice it returns (main and alternatives) fits: "too large" candidates never enter.
 */
export function recommend(input: RecommendInput): Recommendation {
    const order = input.models.map((entry) => entry.id);
    const desired = desiredContextSize(input.difficulty, input.latency, input.indexedTokens);
    const candidates = chatCandidates(input, desired, fitLookup(input));
    const pick = chooseChatModel(candidates, input);
    const chat = pick.choice;
    const fit = chat.fit;
    const fullyOnGpu = fit.label === "runs fully on your GPU";
    const threads = recommendThreads(input.hardware, fullyOnGpu);
    const embedding = chooseEmbeddingModel(input);
    const learning = chooseLearningPlan(input, chat);
    const sizeClass = sizeClassOf(chat.entry.parameterCount);

    const where = fit.label === "fits in memory" ? "fits in your memory" : fit.label;
    const chatReason = pick.metTargets
        ? `${chat.entry.displayName} is the largest model (${sizeClass}) that ${where} and still starts answering in about ${Math.round(chat.firstTokenSeconds)} seconds.`
        : `Nothing in the catalog is as quick as you asked on this computer, so ${chat.entry.displayName} is the quickest model that fits.`;
    const quantReason = pick.upgradedPrecision
        ? `${chat.quant.quant} keeps more detail than 4-bit; with this much of your data and time to spare it is worth the larger file.`
        : input.indexedTokens < littleDataTokens
            ? `${chat.quant.quant} stores about ${effectiveBitsPerWeight(chat).toFixed(1)} bits per weight instead of 16; with a small document collection a compressed model answers as well as a full one.`
            : `${chat.quant.quant} compresses the model so a bigger, smarter model fits; more bits would cost speed for little gain.`;
    const contextReason = fit.contextSize < desired
        ? `${fit.contextSize} tokens of context, less than the ${desired} this task would like, because a larger context does not fit in memory.`
        : `${fit.contextSize} tokens of context leave room for the question, several passages from your documents and the answer.`;
    const gpuReason = input.hardware.gpu.type === false
        ? "No usable GPU was found, so the model runs on the processor."
        : fit.gpuLayers === 0
            ? "The model does not fit in graphics memory, so it runs on the processor."
            : fit.explanation;

    return {
        chat: toChatChoice(chat),
        contextSize: fit.contextSize,
        threads: threads.threads,
        gpuLayers: fit.gpuLayers,
        embedding: embedding.choice,
        learning: learning.plan,
        alternatives: chooseAlternatives(chat, candidates, order),
        reasons: {
            chatModel: chatReason,
            quantization: quantReason,
            contextSize: contextReason,
            threads: threads.reason,
            gpuLayers: gpuReason,
            embeddingModel: embedding.reason,
            learningMethod: learning.reason
        }
    };
}
