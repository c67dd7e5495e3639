import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

export type MemorySnapshot = {
    /** VmRSS: resident now (anonymous memory and touched file pages). */
    rssBytes: number;
    /** VmHWM: the peak of VmRSS over the process's life. */
    peakRssBytes: number;
    rssAnonBytes: number;
    rssFileBytes: number;
};

export type ChildMeasurement = {
    /** Resident memory once llama.cpp is initialised, before the model loads. */
    baseline: MemorySnapshot;
    /** After the model and its context are loaded. */
    loaded: MemorySnapshot;
    /** After one chat turn. */
    afterTurn: MemorySnapshot;
    contextSize: number;
    threads: number;
    /** Tokens in the context after the turn: the prompt (passages, question, template) and the answer. */
    usedContextTokens: number;
};

const run = promisify(execFile);
const childScript = path.join(path.dirname(fileURLToPath(import.meta.url)), "fitBenchChild.ts");

/**
 * Loads a model through Locus's Engine in a fresh process, so nothing loaded before (nor garbage from
 * it) counts, runs one chat turn, and returns its memory. `measuredBytes` is the peak resident memory
 * less the resident memory before the model loaded.
 */
export async function measureModelMemory(modelPath: string, contextSize: number, threads: number): Promise<ChildMeasurement & { measuredBytes: number }> {
    const { stdout } = await run(process.execPath, ["--expose-gc", "--import", "tsx", childScript, modelPath, String(contextSize), String(threads)], {
        maxBuffer: 1024 * 1024, timeout: 60 * 60_000
    });
    const measurement = JSON.parse(stdout.trim().split("\n").at(-1) ?? "") as ChildMeasurement;
    return { ...measurement, measuredBytes: measurement.afterTurn.peakRssBytes - measurement.baseline.rssBytes };
}
