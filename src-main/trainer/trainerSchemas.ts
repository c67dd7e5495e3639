import { z } from "zod";
import { quantizeTypes } from "./native/nativeTrainerTypes.js";
import {
    loraTargets,
    type TrainingEvent,
    type TrainingOptions,
    type TrainingRequest,
    type TrainingResult,
    type TrainingStats
} from "./types.js";

/** Limits of question-answer pairs: what a pairs file may hold (personalize/readQaPairs.ts) and a request carry. */
export const maxPairs = 100_000;
export const maxPairFieldLength = 16_000;

const finite = z.number().finite();
const positive = finite.positive();
const fraction = finite.min(0).max(1);
const count = z.number().int().min(0);

export const trainingOptionsSchema = z.object({
    rank: z.number().int().min(1).max(1024),
    alpha: positive,
    targets: z.array(z.enum(loraTargets)).min(1),
    lastLayers: count,
    budgetSeconds: positive.max(7 * 24 * 3600),
    startedAt: finite.optional(),
    threads: z.number().int().min(1).max(1024),
    windowTokens: z.number().int().min(16).max(65_536),
    microBatchTokens: z.number().int().min(16).max(65_536),
    learningRate: positive,
    warmupFraction: fraction,
    minLearningRateFraction: fraction,
    weightDecay: fraction,
    validationFraction: fraction,
    maxValidationWindows: count,
    validationOverhead: fraction,
    maxSteps: z.number().int().min(1).optional(),
    snapshotSeconds: z.array(positive).max(64).optional(),
    seed: z.number().int().min(0).max(2 ** 32 - 1)
}) satisfies z.ZodType<TrainingOptions>;

/** What the trainer worker is asked to do; checked in the worker before anything is loaded. */
export const trainingRequestSchema = z.object({
    modelPath: z.string().min(1),
    outputDir: z.string().min(1),
    // The name becomes part of file names: keep it to safe characters.
    name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/),
    documents: z.array(z.object({ id: z.string().min(1), text: z.string() })),
    pairs: z.array(z.object({ question: z.string().min(1).max(maxPairFieldLength), answer: z.string().min(1).max(maxPairFieldLength) })).max(maxPairs).optional(),
    validationDocumentIds: z.array(z.string().min(1)).optional(),
    resumeFrom: z.string().min(1).optional(),
    options: trainingOptionsSchema
}) satisfies z.ZodType<TrainingRequest>;

const validationLoss = finite.nullable();

/** Progress reports from the worker, checked in the parent before a listener sees them. */
export const trainingEventSchema = z.discriminatedUnion("type", [
    z.object({
        type: z.literal("progress"),
        step: count,
        tokens: count,
        trainLoss: finite,
        validationLoss,
        learningRate: finite,
        tokensPerSecond: finite,
        elapsedSeconds: finite,
        secondsLeft: finite
    }),
    z.object({ type: z.literal("checkpoint"), step: count, validationLoss: finite, adapterPath: z.string().min(1) }),
    z.object({ type: z.literal("snapshot"), atSeconds: finite, step: count, tokens: count, adapterPath: z.string().min(1) })
]) satisfies z.ZodType<TrainingEvent>;

const trainingStatsSchema = z.object({
    steps: count,
    tokens: count,
    stoppedBy: z.enum(["budget", "max-steps", "cancelled", "diverged"]),
    initialValidationLoss: validationLoss,
    bestValidationLoss: validationLoss,
    lastValidationLoss: validationLoss,
    bestStep: count,
    finalTrainLoss: finite.nullable(),
    divergences: count,
    trainTokens: count,
    validationTokens: count,
    trainDocuments: count,
    validationDocuments: count,
    pairs: count,
    pairsInChatTemplate: z.boolean(),
    tokensPerSecond: finite,
    wallSeconds: finite,
    budgetSeconds: finite,
    optimizerSeconds: finite,
    validationSeconds: finite,
    startSeconds: finite,
    loadSeconds: finite,
    saveSeconds: finite,
    windowTokens: count,
    trainableParameters: count,
    threads: count,
    peakRssBytes: count
}) satisfies z.ZodType<TrainingStats>;

export const trainingResultSchema = z.object({
    adapterPath: z.string().min(1).nullable(),
    stats: trainingStatsSchema
}) satisfies z.ZodType<TrainingResult>;

/** Parent -> trainer worker, outside the request/reply protocol: stop after the current step. */
export const cancelMessageSchema = z.object({ type: z.literal("cancel") });
export type CancelMessage = z.infer<typeof cancelMessageSchema>;

/** A lower-bit copy of a model, made in the trainer worker (where the native quantizer is loaded). */
export const quantizeRequestSchema = z.object({
    quantize: z.object({ inputPath: z.string().min(1), outputPath: z.string().min(1), type: z.enum(quantizeTypes), threads: z.number().int().min(1).max(1024) })
});
export type QuantizeRequest = z.infer<typeof quantizeRequestSchema>;
export const quantizeResultSchema = z.object({ quantized: z.string().min(1) });
export type QuantizeResult = z.infer<typeof quantizeResultSchema>;

/** Everything the trainer worker is asked: a training run, or a quantization. */
export const trainerWorkerRequestSchema = z.union([quantizeRequestSchema, trainingRequestSchema]);
export type TrainerWorkerRequest = TrainingRequest | QuantizeRequest;
export const trainerWorkerResultSchema = z.union([quantizeResultSchema, trainingResultSchema]);
export type TrainerWorkerResult = TrainingResult | QuantizeResult;
