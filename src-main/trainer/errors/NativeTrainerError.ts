import type { ErrorKind } from "@common/contract/result.js";
import { TrainerError } from "./TrainerError.js";

export interface NativeTrainerErrorDetails {
    /** The addon's code (ERR_TRAINER_*), see native/src/TrainerError.h. */
    code: string;
    /** What the trainer was doing, e.g. "loading the model". */
    operation: string;
    nativeMessage: string;
}

const kindByCode: Record<string, ErrorKind> = {
    ERR_TRAINER_INPUT: "invalid-input",
    ERR_TRAINER_MODEL_LOAD: "bad-model-file",
    ERR_TRAINER_ADAPTER: "bad-model-file",
    ERR_TRAINER_CONTEXT: "model-too-large",
    ERR_TRAINER_IO: "disk-full",
    ERR_TRAINER_BUSY: "busy",
    ERR_TRAINER_UNSUPPORTED: "unsupported"
};

/** A failure reported by the native trainer, with the kind its code maps to. */
export class NativeTrainerError extends TrainerError<NativeTrainerErrorDetails> {
    public readonly kind: ErrorKind;

    public constructor(details: NativeTrainerErrorDetails) {
        super(details, `Training failed while ${details.operation}: ${details.nativeMessage}`);
        this.kind = kindByCode[details.code] ?? "internal";
        this.name = "NativeTrainerError";
    }

    /** Wraps what a native call threw; other errors pass through unchanged. */
    public static from(error: unknown, operation: string): Error {
        if (error instanceof Error && typeof (error as { code?: unknown }).code === "string") {
            const code = (error as Error & { code: string }).code;
            if (code.startsWith("ERR_TRAINER_")) return new NativeTrainerError({ code, operation, nativeMessage: error.message });
        }
        return error instanceof Error ? error : new Error(String(error));
    }
}
