// Entry of the trainer worker process: trains one LoRA adapter per request with the native addon (or makes
// a lower-bit copy of a model), away from the main process (a crash or an out-of-memory here cannot take
// the app down). Besides requests it
// accepts one message, { type: "cancel" }: the run stops after its current optimizer step.
import { parentPort, serveWorkerRequests } from "../workers/serveWorkerRequests.js";
import { loadNativeTrainer } from "./native/loadNativeTrainer.js";
import { trainAdapter } from "./trainAdapter.js";
import { cancelMessageSchema, trainerWorkerRequestSchema, type TrainerWorkerRequest, type TrainerWorkerResult } from "./trainerSchemas.js";
import type { TrainingEvent } from "./types.js";

let cancelled = false;
// Ctrl-C in a terminal signals the whole process group, this worker included: the parent decides what it
// means (a cancel message, so the run stops after its step and keeps its best adapter). Dying here would lose it.
process.on("SIGINT", () => undefined);
parentPort().onMessage((message) => {
    if (cancelMessageSchema.safeParse(message).success) cancelled = true;
});

serveWorkerRequests<TrainerWorkerRequest, TrainerWorkerResult, TrainingEvent>({
    parseRequest: (payload) => trainerWorkerRequestSchema.parse(payload),
    handle: async (request, context) => {
        if ("quantize" in request) return { quantized: await loadNativeTrainer().quantizeModel(request.quantize) };
        cancelled = false;
        const run = await trainAdapter(request, {
            onEvent: (event) => context.reportProgress(event),
            isCancelled: () => cancelled
        });
        // Free the model only once the result is on its way: the caller's wall time should not pay for it.
        setImmediate(() => {
            run.release().catch((error: unknown) => process.stderr.write(`trainer: release failed: ${String(error)}\n`));
        });
        return run.result;
    }
});
