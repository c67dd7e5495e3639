import type { FitResult, HardwareProfile } from "@common/setup/types.js";
import type { CatalogEntry, CatalogQuant } from "../../models/catalogSchema.js";
import { explainFit } from "./explainFit.js";
import { fitLabelFor } from "./fitLabelFor.js";
import { memoryBudget } from "./memoryBudget.js";

const MiB = 1024 ** 2;
/** Compute and output buffers at a 512-token micro-batch; measured 307 MiB for Qwen3-4B (151,936-token vocabulary). */
const computeBufferBytes = 320 * MiB;
/** Attention scratch that grows with the context, a rough allowance on top of the fixed buffers. */
const scratchBytesPerContextToken = 8 * 1024;
/** Fallback KV bytes per token per billion parameters when no shapes are recorded (Llama 3.2 3B: ~36 KB). */
const kvBytesPerTokenPerBillionParams = 40_000;

/** f16 K and V for every layer: 2 * layers * kvHeads * headDim * 2 bytes per token. */
function kvBytesPerToken(entry: CatalogEntry): number {
    const shape = entry.architecture;
    if (shape !== undefined) return 2 * shape.layers * shape.kvHeads * shape.headDim * 2;
    return kvBytesPerTokenPerBillionParams * (entry.parameterCount / 1e9);
}

/**
 * Memory needed for one catalog model, quantization and context, without reading the GGUF: the
 * file size stands for the weights, the recorded shapes give the KV cache, and fixed buffers are
 * added. Layers are offloaded to the GPU while they fit, as node-llama-cpp's "auto" does.
 */
export function estimateFitFromCatalog(entry: CatalogEntry, quant: CatalogQuant, contextSize: number, hardware: HardwareProfile): FitResult {
    const budget = memoryBudget(hardware);
    const layers = entry.architecture?.layers ?? Math.max(1, Math.round(8 + 3.5 * (entry.parameterCount / 1e9)));
    // node-llama-cpp counts the output layer as one more offloadable layer.
    const totalLayers = layers + 1;
    const context = Math.min(contextSize, entry.contextLength);
    const kv = kvBytesPerToken(entry) * context;
    const buffers = computeBufferBytes + scratchBytesPerContextToken * context;
    const weights = quant.sizeBytes;

    const need = (gpuLayers: number) => {
        const onGpu = gpuLayers / totalLayers;
        const repeatingOnGpu = Math.min(gpuLayers, layers) / layers;
        const vram = gpuLayers === 0 ? 0 : weights * onGpu + kv * repeatingOnGpu + buffers;
        const ram = weights * (1 - onGpu) + kv * (1 - repeatingOnGpu) + (gpuLayers === 0 ? buffers : buffers / 4);
        const fits = budget.unified
            ? vram <= budget.vramBytes && ram + vram <= budget.ramBytes
            : vram <= budget.vramBytes && ram <= budget.ramBytes;
        return { vram, ram, fits };
    };

    let gpuLayers = 0;
    if (hardware.gpu.type !== false)
        for (let candidate = totalLayers; candidate > 0; candidate--)
            if (need(candidate).fits) {
                gpuLayers = candidate;
                break;
            }
    const { ram, vram, fits } = need(gpuLayers);
    const label = fitLabelFor({ gpuType: hardware.gpu.type, gpuLayers, totalLayers, fitsBudget: fits });
    return {
        modelId: entry.id,
        quant: quant.quant,
        contextSize: context,
        label,
        method: "catalog-estimate",
        gpuLayers,
        totalLayers,
        ramBytes: Math.round(ram),
        vramBytes: Math.round(vram),
        diskBytes: quant.sizeBytes,
        explanation: explainFit(label, ram, vram, gpuLayers, totalLayers)
    };
}
