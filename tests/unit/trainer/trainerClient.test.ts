import { describe, expect, it } from "vitest";
import { TrainerClient } from "../../../src-main/trainer/TrainerClient.js";
import type { TrainingEvent, TrainingResult } from "../../../src-main/trainer/types.js";
import type { WorkerExit, WorkerProcess } from "../../../src-main/workers/WorkerProcess.js";

const stats: TrainingResult["stats"] = {
    steps: 2, tokens: 1024, stoppedBy: "cancelled", initialValidationLoss: 3, bestValidationLoss: null, lastValidationLoss: null, bestStep: 0,
    finalTrainLoss: 2.9, divergences: 0, trainTokens: 5000, validationTokens: 500, trainDocuments: 9, validationDocuments: 1, pairs: 0, pairsInChatTemplate: false,
    tokensPerSecond: 100, wallSeconds: 3, budgetSeconds: 60, optimizerSeconds: 2, validationSeconds: 0.5, startSeconds: 0.1,
    loadSeconds: 0.4, saveSeconds: 0, windowTokens: 512, trainableParameters: 1000, threads: 2, peakRssBytes: 1e9
};

/** A stand-in worker: reports progress every few ms until it is told to cancel, then answers. */
function fakeTrainerProcess(received: unknown[]): WorkerProcess {
    let listener: (message: unknown) => void = () => undefined;
    const exits: Array<(exit: WorkerExit) => void> = [];
    let timer: NodeJS.Timeout | undefined;
    let requestId = 0;
    setTimeout(() => listener({ type: "ready" }), 5);
    return {
        send(message) {
            received.push(message);
            const typed = message as { type: string; id?: number };
            if (typed.type === "request") {
                requestId = typed.id ?? 0;
                let step = 0;
                timer = setInterval(() => {
                    step++;
                    const progress: TrainingEvent = {
                        type: "progress", step, tokens: step * 512, trainLoss: 3, validationLoss: null, learningRate: 1e-4,
                        tokensPerSecond: 100, elapsedSeconds: step, secondsLeft: 60 - step
                    };
                    listener({ type: "progress", id: requestId, progress });
                }, 5);
            }
            if (typed.type === "cancel") {
                clearInterval(timer);
                setTimeout(() => listener({ type: "result", id: requestId, result: { adapterPath: null, stats } }), 5);
            }
        },
        kill() {
            clearInterval(timer);
            for (const exit of exits) exit({ code: null, signal: "SIGKILL", stderrTail: "" });
        },
        onMessage(callback) {
            listener = callback;
        },
        onExit(callback) {
            exits.push(callback);
        }
    };
}

describe("TrainerClient", () => {
    it("fills defaults, stamps the start time, and stops a run on abort with what it kept", async () => {
        const received: unknown[] = [];
        const client = new TrainerClient({ spawn: () => fakeTrainerProcess(received) });
        const controller = new AbortController();
        const events: TrainingEvent[] = [];
        const before = Date.now();
        const pending = client.train(
            { modelPath: "/m/base.gguf", outputDir: "/a", name: "run", documents: [{ id: "d", text: "t" }], options: { budgetSeconds: 60, threads: 2 } },
            {
                signal: controller.signal,
                onEvent: (event) => {
                    events.push(event);
                    if (events.length === 3) controller.abort();
                }
            }
        );
        const result = await pending;
        expect(result.stats.stoppedBy).toBe("cancelled");
        expect(events.length).toBeGreaterThanOrEqual(3);
        const request = received[0] as { type: string; payload: { options: { startedAt: number; rank: number; windowTokens: number } } };
        expect(request.type).toBe("request");
        expect(request.payload.options.startedAt).toBeGreaterThanOrEqual(before);
        expect(request.payload.options).toMatchObject({ rank: 8, windowTokens: 512 });
        expect(received).toContainEqual({ type: "cancel" });
        await client.dispose();
    });

    it("does nothing on cancel when no run is going on", async () => {
        const received: unknown[] = [];
        const client = new TrainerClient({ spawn: () => fakeTrainerProcess(received) });
        client.cancel();
        expect(received).toEqual([]);
        await client.dispose();
    });
});
