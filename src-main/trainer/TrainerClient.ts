import path from "node:path";
import { ChildWorker } from "../workers/ChildWorker.js";
import { forkWorkerProcess } from "../workers/forkWorkerProcess.js";
import type { SpawnWorkerProcess, WorkerProcess } from "../workers/WorkerProcess.js";
import { workerEntry, type WorkerEntry } from "../workers/workerEntry.js";
import { withDefaultTrainingOptions, type RequiredTrainingOptions } from "./defaultTrainingOptions.js";
import { reviveTrainerError } from "./errors/reviveTrainerError.js";
import type { QuantizeType } from "./native/nativeTrainerTypes.js";
import {
    quantizeResultSchema, trainerWorkerResultSchema, trainingEventSchema, trainingResultSchema,
    type CancelMessage, type TrainerWorkerRequest, type TrainerWorkerResult
} from "./trainerSchemas.js";
import type { TrainingEvent, TrainingOptions, TrainingRequest, TrainingResult } from "./types.js";

export type TrainerClientOptions = {
    /** Heap limit of the worker's JavaScript (the model lives outside it), in MB. Default 1024. */
    heapLimitMb?: number;
    entry?: WorkerEntry;
    /** How to start the worker process; child_process.fork by default. */
    spawn?: SpawnWorkerProcess;
    env?: NodeJS.ProcessEnv;
};

/** A training request as callers write it: options other than budget and threads have defaults. */
export type TrainRequest = Omit<TrainingRequest, "options"> & { options: RequiredTrainingOptions & Partial<TrainingOptions> };

export type TrainCallOptions = {
    onEvent?: (event: TrainingEvent) => void;
    /** Aborting stops the run after its current optimizer step; the promise then resolves (stoppedBy "cancelled"). */
    signal?: AbortSignal;
};

/** Time, beyond the budget, a run may take before its worker is considered hung and killed. */
const hangMarginSeconds = 300;

/**
 * Trains LoRA adapters in a separate worker process, one run at a time. The budget is counted from the
 * call. Cancel stops a run between two optimizer steps; dispose kills the worker at once, which is safe:
 * adapters are written to hidden temporary files and appear under their name only when complete.
 */
export class TrainerClient {
    readonly #worker: ChildWorker<TrainerWorkerRequest, TrainerWorkerResult, TrainingEvent>;
    #process: WorkerProcess | undefined;
    #running = false;
    #cancelRequested = false;

    public constructor(options: TrainerClientOptions = {}) {
        const spawn = options.spawn ?? forkWorkerProcess;
        this.#worker = new ChildWorker({
            name: "trainer",
            entry: options.entry ?? workerEntry(import.meta.url, "trainerWorker"),
            heapLimitMb: options.heapLimitMb ?? 1024,
            parseResult: (value) => trainerWorkerResultSchema.parse(value),
            parseProgress: (value) => trainingEventSchema.parse(value),
            reviveError: reviveTrainerError,
            // The model load can be slow on a cold disk.
            startTimeoutMs: 60_000,
            // Keep a handle on the process: cancel is a message outside ChildWorker's request protocol.
            spawn: (spawnOptions) => {
                const process = spawn(spawnOptions);
                this.#process = process;
                process.onExit(() => {
                    if (this.#process === process) this.#process = undefined;
                });
                return process;
            },
            ...(options.env ? { env: options.env } : {})
        });
    }

    public async train(request: TrainRequest, call: TrainCallOptions = {}): Promise<TrainingResult> {
        const options = withDefaultTrainingOptions({ ...request.options, startedAt: request.options.startedAt ?? Date.now() });
        const onAbort = (): void => this.cancel();
        call.signal?.addEventListener("abort", onAbort, { once: true });
        this.#running = true;
        this.#cancelRequested = false;
        const onEvent = (event: TrainingEvent): void => {
            // A cancel sent before the worker took the request is lost; repeat it until the run stops.
            if (this.#cancelRequested) this.#sendCancel();
            call.onEvent?.(event);
        };
        try {
            const pending = this.#worker.request(
                { ...request, outputDir: path.resolve(request.outputDir), modelPath: path.resolve(request.modelPath), options },
                {
                    timeoutMs: (options.budgetSeconds + hangMarginSeconds) * 1000,
                    task: `training an adapter for "${path.basename(request.modelPath)}"`,
                    hint: "The adapters saved before the failure are kept. If it was stopped by signal SIGKILL, the computer most likely ran out of memory: close other programs or choose a smaller chat model, then train again.",
                    onProgress: onEvent
                }
            );
            if (call.signal?.aborted === true) this.cancel();
            return trainingResultSchema.parse(await pending);
        } finally {
            this.#running = false;
            call.signal?.removeEventListener("abort", onAbort);
        }
    }

    /**
     * Writes a lower-bit copy of a GGUF (`outputPath` must not exist), requantizing an already quantized
     * one; in the worker, so a failure cannot take the app down. Resolves with the output path.
     */
    public async quantize(inputPath: string, outputPath: string, type: QuantizeType, threads: number): Promise<string> {
        const result = await this.#worker.request(
            { quantize: { inputPath: path.resolve(inputPath), outputPath: path.resolve(outputPath), type, threads } },
            { timeoutMs: 30 * 60_000, task: `making a ${type} copy of "${path.basename(inputPath)}"`, hint: "The original model file is unchanged." }
        );
        return quantizeResultSchema.parse(result).quantized;
    }

    /** Asks the running training to stop after its current step; it resolves with what it kept. */
    public cancel(): void {
        if (!this.#running) return;
        this.#cancelRequested = true;
        this.#sendCancel();
    }

    #sendCancel(): void {
        const message: CancelMessage = { type: "cancel" };
        this.#process?.send(message);
    }

    /** Kills the worker at once; a running training fails with WorkerDisposedError. */
    public dispose(): Promise<void> {
        return this.#worker.dispose();
    }
}
