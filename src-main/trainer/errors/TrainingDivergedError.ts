import { TrainerError } from "./TrainerError.js";

export interface TrainingDivergedDetails {
    learningRate: number;
    divergences: number;
}

/** Every step overflowed (loss or weights not finite), even after lowering the learning rate. */
export class TrainingDivergedError extends TrainerError<TrainingDivergedDetails> {
    public readonly kind = "invalid-input";

    public constructor(details: TrainingDivergedDetails) {
        super(
            details,
            `Training diverged: ${String(details.divergences)} steps produced non-finite values at a learning rate of ` +
                `${String(details.learningRate)} or below, so no adapter was kept. Train again with a lower learning rate.`
        );
        this.name = "TrainingDivergedError";
    }
}
