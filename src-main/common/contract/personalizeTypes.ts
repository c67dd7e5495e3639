/** Personalize: LoRA training runs on the person's documents, and the adapters they produce. */

export type TrainingRunState = "preparing" | "training" | "saving" | "done" | "cancelled" | "failed";

/** Why a finished run stopped: its time budget, a cancel, or every step diverging. */
export type TrainingStopReason = "budget" | "max-steps" | "cancelled" | "diverged";

/** One point of the live loss chart. */
export type TrainingPoint = {
    step: number;
    elapsedSeconds: number;
    trainLoss: number;
    /** Only on points where validation ran. */
    validationLoss: number | null;
};

/** The current (or last) training run, as the Personalize view and the CLI show it. */
export type TrainingRunInfo = {
    id: string;
    state: TrainingRunState;
    /** The base model being taught (the chat model chosen in settings when the run started). */
    modelId: string;
    modelName: string;
    documentCount: number;
    /** Question-answer pairs learned besides the documents (0 when none were added). */
    pairCount: number;
    budgetMinutes: number;
    startedAt: number;
    endedAt: number | null;
    step: number;
    tokens: number;
    tokensPerSecond: number | null;
    elapsedSeconds: number;
    /** Until the budget ends; null before the first step. */
    secondsLeft: number | null;
    trainLoss: number | null;
    validationLoss: number | null;
    /** Validation loss of the base model before training, when the data allowed a validation split. */
    initialValidationLoss: number | null;
    /** At most a few hundred points, thinned evenly on long runs. */
    points: TrainingPoint[];
    stoppedBy: TrainingStopReason | null;
    /** In words the person can act on, when state is "failed". */
    error: string | null;
    /** The adapter the run produced (best validation loss), once saved. */
    adapterId: string | null;
};

/** A file of question-answer pairs read for the next run; the renderer knows it by id, never by path. */
export type QaPairsInfo = { id: string; fileName: string; count: number };

/** A trained adapter in the registry. */
export type AdapterInfo = {
    id: string;
    name: string;
    /** The chat model it was trained on; null when that model was removed from the list. */
    baseModelId: string | null;
    baseModelName: string;
    /** Fingerprint of the base model file the adapter belongs to (an adapter for another base is refused). */
    baseModelHash: string;
    documentNames: string[];
    /** Question-answer files it learned too, e.g. "faq.jsonl (24 question-answer pairs)". */
    pairSources?: string[];
    budgetMinutes: number;
    steps: number;
    tokensTrained: number;
    lossBefore: number | null;
    lossAfter: number | null;
    /**
     * What lossBefore and lossAfter were measured on: documents held out from training (the honest
     * measure), or the training text itself (too few documents to hold any out, or a run stopped before
     * its first held-out check).
     */
    lossOn?: "held-out" | "training";
    sizeBytes: number;
    createdAt: number;
    /** Chat uses it (with the chat model it was trained on). */
    active: boolean;
    /** How strongly it applies, 0..2 (1 = as trained). */
    scale: number;
};
