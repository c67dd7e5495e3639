import { GgufInsights, readGgufFileInfo, type Llama } from "node-llama-cpp";
import type { FitResult, HardwareProfile } from "@common/setup/types.js";
import { explainFit } from "./explainFit.js";
import { fitLabelFor } from "./fitLabelFor.js";
import { hardwareOverridesFor } from "./hardwareOverridesFor.js";
import { memoryBudget } from "./memoryBudget.js";

export type GgufFitRequest = {
    modelId: string;
    quant: string;
    ggufPath: string;
    contextSize: number;
    embeddingContext?: boolean;
    hardware: HardwareProfile;
    /**
     * The app's Llama, for this machine. Leave it out for a simulated machine: GgufInsights then uses
     * a Llama without a backend and node-llama-cpp's own estimator instead of simulating a load on
     * hardware that is not there.
     */
    llama?: Llama;
};

/** Fit from the GGUF header through node-llama-cpp's configuration resolver, with hardware overrides. */
export async function estimateFitFromGguf(request: GgufFitRequest): Promise<FitResult> {
    const fileInfo = await readGgufFileInfo(request.ggufPath, { logWarnings: false });
    const insights = await GgufInsights.from(fileInfo, request.llama);
    const resolved = await insights.configurationResolver.resolveAndScoreConfig(
        { targetContextSize: request.contextSize, embeddingContext: request.embeddingContext ?? false },
        hardwareOverridesFor(request.hardware)
    );
    const values = resolved.resolvedValues;
    const budget = memoryBudget(request.hardware);
    const totalLayers = insights.totalLayers;
    const withinBudget = budget.unified
        ? values.totalVramUsage <= budget.vramBytes && values.totalRamUsage + values.totalVramUsage <= budget.ramBytes
        : values.totalVramUsage <= budget.vramBytes && values.totalRamUsage <= budget.ramBytes;
    // A compatibility score of 0 is node-llama-cpp's verdict that the layers or the context do not fit.
    const fitsBudget = resolved.compatibilityScore > 0 && withinBudget;
    const label = fitLabelFor({ gpuType: request.hardware.gpu.type, gpuLayers: values.gpuLayers, totalLayers, fitsBudget });
    return {
        modelId: request.modelId,
        quant: request.quant,
        contextSize: values.contextSize,
        label,
        method: "gguf-insights",
        gpuLayers: values.gpuLayers,
        totalLayers,
        ramBytes: values.totalRamUsage,
        vramBytes: values.totalVramUsage,
        diskBytes: insights.modelSize,
        explanation: explainFit(label, values.totalRamUsage, values.totalVramUsage, values.gpuLayers, totalLayers)
    };
}
