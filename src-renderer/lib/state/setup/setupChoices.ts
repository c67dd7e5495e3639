import type { ChatChoice, LatencyPreference, Recommendation, TaskDifficulty } from "@common/setup/types.js";

/** A file in the catalog: which model, which quantization. */
export type ModelRef = { catalogId: string; quant: string };

export type LearningChoice = { method: "rag" } | { method: "rag+lora"; rank: number; budgetMinutes: number };

/** What the person told the wizard, so it can start from there next time. */
export type SetupGoals = { difficulty: TaskDifficulty; learningBudgetMinutes: number; latency: LatencyPreference };

/** Every choice the wizard makes and Settings can override. */
export type SetupChoices = {
    chat: ModelRef;
    contextSize: number;
    threads: number;
    embedding: ModelRef;
    learning: LearningChoice;
    goals: SetupGoals | null;
};

export const difficulties: readonly TaskDifficulty[] = ["find-facts", "summarize-compare", "domain-reasoning"];
export const latencies: readonly LatencyPreference[] = ["fast", "balanced", "quality"];

/** The choices a recommendation stands for, with the chat model the person picked (main or alternative). */
export function choicesFromRecommendation(recommendation: Recommendation, chat: ChatChoice, goals: SetupGoals | null): SetupChoices {
    const { learning } = recommendation;
    return {
        chat: { catalogId: chat.modelId, quant: chat.quant },
        contextSize: chat.contextSize,
        threads: recommendation.threads,
        embedding: { catalogId: recommendation.embedding.modelId, quant: recommendation.embedding.quant },
        learning: learning.method === "rag"
            ? { method: "rag" }
            : { method: "rag+lora", rank: learning.lora.rank, budgetMinutes: learning.lora.budgetMinutes },
        goals
    };
}

type Reader = (value: unknown) => boolean;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const isInt = (min: number, max: number): Reader => (value) => Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
const matches = (pattern: RegExp): Reader => (value) => typeof value === "string" && pattern.test(value);
// The same shapes the contract accepts, so a stored choice can be sent back as it is.
const isCatalogId = matches(/^[A-Za-z0-9._-]{1,100}$/);
const isQuant = matches(/^[A-Za-z0-9_]{1,20}$/);
const isContextSize = isInt(256, 1_048_576);

function readModelRef(value: unknown): ModelRef | null {
    if (!isRecord(value) || !isCatalogId(value.catalogId) || !isQuant(value.quant)) return null;
    return { catalogId: value.catalogId as string, quant: value.quant as string };
}

function readLearning(value: unknown): LearningChoice | null {
    if (!isRecord(value)) return null;
    if (value.method === "rag") return { method: "rag" };
    if (value.method !== "rag+lora" || !isInt(1, 256)(value.rank) || !isInt(1, 24 * 60)(value.budgetMinutes)) return null;
    return { method: "rag+lora", rank: value.rank as number, budgetMinutes: value.budgetMinutes as number };
}

function readGoals(value: unknown): SetupGoals | null {
    if (!isRecord(value)) return null;
    const { difficulty, learningBudgetMinutes, latency } = value;
    if (!difficulties.includes(difficulty as TaskDifficulty) || !latencies.includes(latency as LatencyPreference)) return null;
    if (!isInt(0, 24 * 60)(learningBudgetMinutes)) return null;
    return { difficulty: difficulty as TaskDifficulty, learningBudgetMinutes: learningBudgetMinutes as number, latency: latency as LatencyPreference };
}

/**
 * Choices read back from storage, checked field by field: storage is written by older versions and
 * can be edited by hand, so anything malformed counts as no choice at all.
 */
export function parseSetupChoices(value: unknown): SetupChoices | null {
    if (!isRecord(value)) return null;
    const chat = readModelRef(value.chat);
    const embedding = readModelRef(value.embedding);
    const learning = readLearning(value.learning);
    if (!chat || !embedding || !learning || !isContextSize(value.contextSize) || !isInt(1, 1024)(value.threads)) return null;
    return {
        chat,
        contextSize: value.contextSize as number,
        threads: value.threads as number,
        embedding,
        learning,
        goals: readGoals(value.goals)
    };
}
