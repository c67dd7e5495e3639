import { GgufInsights, readGgufFileInfo, type Llama } from "node-llama-cpp";
import type { FitResult, HardwareProfile } from "@common/setup/types.js";
import { explainFit } from "./explainFit.js";
import { fitLabelFor } from "./fitLabelFor.js";
import { hardwareOverridesFor } from "./hardwareOverridesFor.js";
import { memoryBudget } from "./memoryBudget.js";
import { quantNameOf } from "./quantNameOf.js";
import { residentRamBytes } from "./residentRamBytes.js";

/** Tokens per batch of the engine's contexts (Engine's default batch size). */
const engineBatchSize = 512;

export type GgufFitRequest = {
    modelId: string;
    /** The quantization's name; read from the header's file type when left out (an imported file). */
    quant?: string;
    ggufPath: string;
    contextSize: number;
    /** Cap the context at the model's training context, as the engine does when it loads a file (default: as asked). */
    capToTrainContext?: boolean;
    embeddingContext?: boolean;
    hardware: HardwareProfile;
    /**
     * The app's Llama, for this machine. Leave it out for a simulated machine: GgufInsights then uses
     * a Llama without a backend and node-llama-cpp's own estimator instead of simulating a load on
     * hardware that is not there.
     */
    llama?: Llama;
    /** Whose header `ggufPath` holds: the model file itself (default) or a header read from the hub. */
    headerSource?: "file" | "hub";
};

/** Fit from the GGUF header through node-llama-cpp's configuration resolver, with hardware overrides. */
export async function estimateFitFromGguf(request: GgufFitRequest): Promise<FitResult> {
    const fileInfo = await readGgufFileInfo(request.ggufPath, { logWarnings: false });
    const insights = await GgufInsights.from(fileInfo, request.llama);
    const trained = insights.trainContextSize;
    const contextSize = request.capToTrainContext === true && trained !== undefined ? Math.min(request.contextSize, trained) : request.contextSize;
    const resolved = await insights.configurationResolver.resolveAndScoreConfig(
        {
            targetContextSize: contextSize, embeddingContext: request.embeddingContext ?? false,
            // As the engine loads it: without mmap on the CPU (see engine/mmapFor.ts).
            useMmap: request.hardware.gpu.type === false ? false : "auto"
        },
        hardwareOverridesFor(request.hardware)
    );
    const values = resolved.resolvedValues;
    const ramBytes = residentRamBytes({
        info: fileInfo, resolved: values, batchSize: Math.min(engineBatchSize, values.contextSize),
        embeddingContext: request.embeddingContext ?? false, cpuFeatures: request.hardware.cpu.features
    });
    const budget = memoryBudget(request.hardware);
    const totalLayers = insights.totalLayers;
    const withinBudget = budget.unified
        ? values.totalVramUsage <= budget.vramBytes && ramBytes + values.totalVramUsage <= budget.ramBytes
        : values.totalVramUsage <= budget.vramBytes && ramBytes <= budget.ramBytes;
    // A compatibility score of 0 is node-llama-cpp's verdict that the layers or the context do not fit.
    const fitsBudget = resolved.compatibilityScore > 0 && withinBudget;
    const label = fitLabelFor({ gpuType: request.hardware.gpu.type, gpuLayers: values.gpuLayers, totalLayers, fitsBudget });
    return {
        modelId: request.modelId,
        quant: request.quant ?? quantNameOf(fileInfo.metadata.general?.file_type),
        contextSize: values.contextSize,
        label,
        method: "gguf-insights",
        headerSource: request.headerSource ?? "file",
        gpuLayers: values.gpuLayers,
        totalLayers,
        ramBytes,
        vramBytes: values.totalVramUsage,
        diskBytes: insights.modelSize,
        explanation: explainFit(label, ramBytes, values.totalVramUsage, values.gpuLayers, totalLayers)
    };
}
