import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { GgufInsights, readGgufFileInfo, type Llama } from "node-llama-cpp";
import { BadModelFileError, ModelTooLargeError } from "@common/errors.js";
import { modelRole, type ModelRole } from "./modelRole.js";

export type ModelFileReport = {
    path: string;
    fileName: string;
    architecture: string;
    displayName: string;
    sizeBytes: number;
    parameterCount: number;
    trainContextSize: number | undefined;
    /** RAM the model and a context of `contextSize` need on the CPU. */
    estimatedRamBytes: number;
    /** Chat, embedding or reranking: each model goes only where it can work. */
    role: ModelRole;
};

const gib = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(1)} GB`;

/**
 * Reads and checks a GGUF file's header before anything loads it: a model file is untrusted input.
 * Throws a named error that says which file is wrong and what to do about it.
 */
export async function inspectModelFile(
    llama: Llama,
    filePath: string,
    options: { contextSize: number; memoryBytes?: number }
): Promise<ModelFileReport> {
    const fileName = path.basename(filePath);
    const stat = await fs.stat(filePath).catch(() => null);
    if (stat == null) throw new BadModelFileError(`${filePath} does not exist. Check the path and try again.`);
    if (!stat.isFile()) throw new BadModelFileError(`${filePath} is not a file. Choose a .gguf model file.`);

    const handle = await fs.open(filePath, "r");
    const magic = Buffer.alloc(4);
    try {
        await handle.read(magic, 0, 4, 0);
    } finally {
        await handle.close();
    }
    if (magic.toString("latin1") !== "GGUF")
        throw new BadModelFileError(
            `${fileName} is not a GGUF model file. Locus runs models in the GGUF format (files ending in .gguf).`
        );

    const info = await readGgufFileInfo(filePath, { readTensorInfo: true, logWarnings: false }).catch((error: unknown) => {
        throw new BadModelFileError(
            `${fileName} has a damaged GGUF header (${error instanceof Error ? error.message : String(error)}). ` +
            "The file may be incomplete: download it again."
        );
    });
    const insights = await GgufInsights.from(info, llama);
    const architecture = String(info.metadata?.general?.architecture ?? "unknown");
    if (!insights.isSupportedByLlamaCpp)
        throw new BadModelFileError(
            `${fileName} uses the model architecture "${architecture}", which this version of Locus cannot run. ` +
            "Choose a model of a supported family (for example Llama, Qwen, Gemma or Phi)."
        );

    const role = modelRole(info);
    const dataStart = info.infoEndOffset ?? 0;
    if (stat.size < dataStart + insights.modelSize)
        throw new BadModelFileError(
            `${fileName} is truncated: it has ${stat.size} bytes but its header describes at least ` +
            `${dataStart + insights.modelSize}. The download was probably interrupted: download it again.`
        );

    const modelRam = insights.estimateModelResourceRequirements({ gpuLayers: 0 }).cpuRam;
    const contextRam = insights.estimateContextResourceRequirements({
        contextSize: Math.min(options.contextSize, insights.trainContextSize ?? options.contextSize),
        modelGpuLayers: 0
    }).cpuRam;
    const needed = modelRam + contextRam;
    const memory = options.memoryBytes ?? os.totalmem();
    if (needed > memory * 0.9)
        throw new ModelTooLargeError(
            `${fileName} needs about ${gib(needed)} of memory, but this computer has ${gib(memory)}. ` +
            "Choose a smaller model or a more compressed quantization (for example Q4_K_M)."
        );

    return {
        path: filePath,
        fileName,
        architecture,
        displayName: String(info.metadata?.general?.name ?? fileName.replace(/\.gguf$/i, "")),
        sizeBytes: stat.size,
        parameterCount: insights.totalParameters,
        trainContextSize: insights.trainContextSize,
        estimatedRamBytes: needed,
        role
    };
}
