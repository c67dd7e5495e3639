import path from "node:path";
import { pathToFileURL } from "node:url";
import { ensureSyntheticModel } from "../support/gguf/ensureSyntheticModel.js";
import { syntheticModelNames, type SyntheticModelName } from "../support/gguf/syntheticModels.js";
import { ensureLlamaBench } from "../support/llamaCpp/ensureLlamaBench.js";
import { runCommand } from "../support/llamaCpp/runCommand.js";

export type LlamaBenchOptions = {
    /** Always explicit: more threads than cores collapses throughput. */
    threads: number,
    /** Prompt tokens of the prefill test (llama-bench -p). */
    prompt?: number,
    /** Generated tokens of the decode test (llama-bench -n). */
    gen?: number,
    /** Runs per test, averaged (-r). */
    repetitions?: number,
    /** -fa; "auto" is node-llama-cpp's default too, so the engine and the reference match. */
    flashAttention?: "on" | "off" | "auto",
    /** -b and -ub; llama-bench's defaults (2048, 512) match node-llama-cpp's 512-token batches for a 512 prompt. */
    batchSize?: number,
    ubatchSize?: number
};

export type LlamaBenchResult = {
    prefillTokensPerSecond: number,
    prefillStddev: number,
    decodeTokensPerSecond: number,
    decodeStddev: number,
    /** llama-bench's JSON records, for logs. */
    raw: LlamaBenchRecord[]
};

type LlamaBenchRecord = { n_prompt: number, n_gen: number, avg_ts: number, stddev_ts: number, [field: string]: unknown };

/** llama-bench printed something other than the two JSON test records we asked for. */
export class LlamaBenchOutputError extends Error {
    public constructor(message: string, public readonly output: string) {
        super(`${message}\n${output.slice(0, 2000)}`);
        this.name = "LlamaBenchOutputError";
    }
}

/**
 * Measures prefill and decode speed of a GGUF with llama-bench built from the same llama.cpp as
 * node-llama-cpp's binaries (CPU only): the reference our engine's throughput is compared against.
 */
export async function runLlamaBench(modelPath: string, options: LlamaBenchOptions): Promise<LlamaBenchResult> {
    const { threads, prompt = 512, gen = 128, repetitions = 3, flashAttention = "auto", batchSize, ubatchSize } = options;
    const binary = await ensureLlamaBench();
    const args = [
        "-m", modelPath, "-t", String(threads), "-p", String(prompt), "-n", String(gen), "-r", String(repetitions),
        "-ngl", "0", "-fa", flashAttention, "-o", "json",
        ...(batchSize == null ? [] : ["-b", String(batchSize)]),
        ...(ubatchSize == null ? [] : ["-ub", String(ubatchSize)])
    ];
    const output = await runCommand(binary, args);

    let records: LlamaBenchRecord[];
    try {
        records = JSON.parse(output) as LlamaBenchRecord[];
    } catch {
        throw new LlamaBenchOutputError("llama-bench did not print JSON", output);
    }
    const prefill = records.find((record) => record.n_prompt === prompt && record.n_gen === 0);
    const decode = records.find((record) => record.n_prompt === 0 && record.n_gen === gen);
    if (prefill == null || decode == null) throw new LlamaBenchOutputError("llama-bench's JSON lacks the pp or tg test", output);
    return {
        prefillTokensPerSecond: prefill.avg_ts,
        prefillStddev: prefill.stddev_ts,
        decodeTokensPerSecond: decode.avg_ts,
        decodeStddev: decode.stddev_ts,
        raw: records
    };
}

/** `npx tsx tests/bench/llamaBench.ts [model name] [threads]`: prints llama-bench's numbers for a synthetic model. */
async function main(): Promise<void> {
    const [name = "realistic-q4_0", threadsText = "2"] = process.argv.slice(2);
    if (!(syntheticModelNames as string[]).includes(name))
        throw new Error(`unknown model "${name}"; use one of ${syntheticModelNames.join(", ")}`);
    const modelPath = await ensureSyntheticModel(name as SyntheticModelName);
    await ensureLlamaBench({ echo: true }); // the first build takes minutes: show its progress
    const result = await runLlamaBench(modelPath, { threads: Number(threadsText) });
    console.log(JSON.stringify({
        model: path.basename(modelPath),
        threads: Number(threadsText),
        prefillTokensPerSecond: result.prefillTokensPerSecond,
        prefillStddev: result.prefillStddev,
        decodeTokensPerSecond: result.decodeTokensPerSecond,
        decodeStddev: result.decodeStddev
    }, null, 2));
}

if (process.argv[1] != null && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
