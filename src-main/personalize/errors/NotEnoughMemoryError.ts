import { LocusError } from "@common/errors.js";
import { formatBytes } from "../../ingest/parse/formatBytes.js";

/** Training the chat model would need more memory than the computer has free right now. */
export class NotEnoughMemoryError extends LocusError {
    constructor(readonly details: { modelName: string; neededBytes: number; availableBytes: number }) {
        super(
            "model-too-large",
            `Training "${details.modelName}" needs about ${formatBytes(details.neededBytes)} of free memory, but only ` +
                `${formatBytes(Math.max(0, details.availableBytes))} is free now. Close other programs, or choose a smaller chat model in Settings, then train again.`
        );
    }
}
