import { describe, expect, it } from "vitest";
import { withDefaultTrainingOptions } from "../../../src-main/trainer/defaultTrainingOptions.js";
import { AdapterBaseMismatchError } from "../../../src-main/trainer/errors/AdapterBaseMismatchError.js";
import { NativeTrainerError } from "../../../src-main/trainer/errors/NativeTrainerError.js";
import { reviveTrainerError } from "../../../src-main/trainer/errors/reviveTrainerError.js";
import { TrainingDivergedError } from "../../../src-main/trainer/errors/TrainingDivergedError.js";
import { trainingEventSchema, trainingRequestSchema } from "../../../src-main/trainer/trainerSchemas.js";
import { serializeError } from "../../../src-main/workers/serializeError.js";
import { WorkerRemoteError } from "../../../src-main/workers/WorkerRemoteError.js";

const request = {
    modelPath: "/models/base.gguf",
    outputDir: "/adapters",
    name: "notes-2025",
    documents: [{ id: "a", text: "hello" }],
    options: withDefaultTrainingOptions({ budgetSeconds: 60, threads: 2 })
};

describe("trainer protocol", () => {
    it("fills defaults: rank 8, alpha 2 x rank, attention q/v, 512-token windows", () => {
        expect(withDefaultTrainingOptions({ budgetSeconds: 10, threads: 1, rank: 16 })).toMatchObject({
            rank: 16, alpha: 32, targets: ["attn_q", "attn_v"], windowTokens: 512, lastLayers: 0, budgetSeconds: 10, threads: 1
        });
        expect(withDefaultTrainingOptions({ budgetSeconds: 10, threads: 1, maxSteps: undefined })).not.toHaveProperty("maxSteps");
    });

    it("accepts a well-formed request and names the failing field of a bad one", () => {
        expect(trainingRequestSchema.parse(request)).toEqual(request);
        for (const [field, bad] of [
            ["name", { ...request, name: "../escape" }],
            ["targets", { ...request, options: { ...request.options, targets: ["lm_head"] } }],
            ["threads", { ...request, options: { ...request.options, threads: 0 } }],
            ["budgetSeconds", { ...request, options: { ...request.options, budgetSeconds: -1 } }]
        ] as const) {
            const parsed = trainingRequestSchema.safeParse(bad);
            expect(parsed.success).toBe(false);
            expect(JSON.stringify(parsed.error?.issues)).toContain(field);
        }
    });

    it("checks progress reports, which come from another process", () => {
        expect(trainingEventSchema.safeParse({ type: "checkpoint", step: 3, validationLoss: 2.1, adapterPath: "/a.gguf" }).success).toBe(true);
        expect(trainingEventSchema.safeParse({ type: "progress", step: 1 }).success).toBe(false);
        expect(trainingEventSchema.safeParse({ type: "done" }).success).toBe(false);
    });

    it("rebuilds named trainer errors thrown in the worker, with their kind and details", () => {
        const diverged = new TrainingDivergedError({ learningRate: 10, divergences: 5 });
        const revived = reviveTrainerError(serializeError(diverged));
        expect(revived).toBeInstanceOf(TrainingDivergedError);
        expect(revived.message).toBe(diverged.message);
        expect((revived as TrainingDivergedError).kind).toBe("invalid-input");
        const mismatch = reviveTrainerError(serializeError(new AdapterBaseMismatchError({
            adapterFile: "a.gguf", modelFile: "b.gguf", expectedFingerprint: "x", actualFingerprint: "y"
        })));
        expect(mismatch).toBeInstanceOf(AdapterBaseMismatchError);
        expect(mismatch.message).toMatch(/a\.gguf.*different model.*b\.gguf/);
        expect(reviveTrainerError({ name: "TypeError", kind: "internal", message: "boom" })).toBeInstanceOf(WorkerRemoteError);
    });

    it("maps native error codes to kinds the UI understands", () => {
        const native = Object.assign(new Error("cannot load the model /m.gguf"), { code: "ERR_TRAINER_MODEL_LOAD" });
        const wrapped = NativeTrainerError.from(native, "loading the model");
        expect(wrapped).toBeInstanceOf(NativeTrainerError);
        expect(wrapped).toMatchObject({ kind: "bad-model-file", message: "Training failed while loading the model: cannot load the model /m.gguf" });
        expect(NativeTrainerError.from(new RangeError("x"), "training")).toBeInstanceOf(RangeError);
    });
});
