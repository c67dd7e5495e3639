import fs from "node:fs";
import path from "node:path";
import { readGgufFileInfo, type GgufTensorInfo } from "node-llama-cpp";
import { AdapterExportError } from "./AdapterExportError.js";
import { peftArchitectures, peftModules, peftTensorName } from "./peftModuleNames.js";
import { unpermuteRows } from "./unpermuteRows.js";
import { writeSafetensors, type SafetensorsTensor } from "./writeSafetensors.js";

export type PeftExportOptions = {
    /** The adapter as Locus trains it (GGUF LoRA). */
    adapterPath: string;
    /** The GGUF model it was trained on (for the architecture and the attention head counts). */
    baseModelPath: string;
    /** A folder to create; it must not exist yet. */
    outDir: string;
    /** What `base_model_name_or_path` says: the Hugging Face model to load the adapter onto. */
    baseModelName: string;
};

export type PeftExportResult = { outDir: string; rank: number; alpha: number; targetModules: string[]; layers: number[]; tensorCount: number };

const F32 = 0;
const tensorPattern = /^blk\.(\d+)\.([a-z_]+)\.weight\.lora_([ab])$/;

/**
 * Writes a Locus (GGUF) LoRA adapter in the layout PEFT saves and vLLM's multi-LoRA serving loads:
 * `adapter_config.json` and `adapter_model.safetensors`, with PEFT's tensor names, `lora_A` [r, in] and
 * `lora_B` [out, r] (the same bytes as GGUF's [in, r] and [r, out], whose first dimension runs fastest),
 * and for Llama models the rows of Q and K's B matrices put back in Hugging Face's rope order.
 */
export async function exportPeftAdapter(options: PeftExportOptions): Promise<PeftExportResult> {
    const name = path.basename(options.adapterPath);
    if (fs.existsSync(options.outDir)) throw new AdapterExportError(`${options.outDir} already exists: choose a new folder for the export.`);
    const adapter = await readGgufFileInfo(options.adapterPath, { readTensorInfo: true, logWarnings: false });
    const meta = adapter.metadata as unknown as { general?: { type?: string; architecture?: string }; adapter?: { type?: string; lora?: { alpha?: number } } };
    if (meta.general?.type !== "adapter" || meta.adapter?.type !== "lora") throw new AdapterExportError(`${name} is not a LoRA adapter.`);
    const base = await readGgufFileInfo(options.baseModelPath, { logWarnings: false });
    const architecture = (base.metadata as unknown as { general: { architecture: string } }).general.architecture;
    const spec = peftArchitectures[architecture];
    if (spec == null)
        throw new AdapterExportError(`PEFT export knows Llama and Qwen 2/3 models; ${path.basename(options.baseModelPath)} is a "${architecture}" model. Use the GGUF adapter with llama-server instead.`);
    if (meta.general.architecture !== architecture) throw new AdapterExportError(`${name} was made for a "${meta.general.architecture}" model, not this "${architecture}" one.`);
    const attention = (base.metadata as unknown as Record<string, { attention?: { head_count?: number; head_count_kv?: number } }>)[architecture]?.attention;
    const heads = attention?.head_count ?? 0;
    const kvHeads = attention?.head_count_kv ?? heads;
    const alpha = meta.adapter.lora?.alpha;
    if (alpha == null) throw new AdapterExportError(`${name} does not say its LoRA alpha (adapter.lora.alpha).`);

    const pairs = new Map<string, { layer: number; target: string; a?: GgufTensorInfo; b?: GgufTensorInfo }>();
    for (const tensor of adapter.fullTensorInfo ?? []) {
        const match = tensorPattern.exec(tensor.name);
        if (match == null) throw new AdapterExportError(`${name} has a tensor PEFT has no name for: ${tensor.name}.`);
        const [, layer, target, matrix] = match;
        if (peftModules[target!] == null) throw new AdapterExportError(`${name} adapts ${target}, which PEFT export does not map.`);
        if (tensor.ggmlType !== F32) throw new AdapterExportError(`${name}: ${tensor.name} is not F32; Locus writes its adapters in F32.`);
        const key = `${layer}.${target}`;
        const pair = pairs.get(key) ?? { layer: Number(layer), target: target! };
        pair[matrix as "a" | "b"] = tensor;
        pairs.set(key, pair);
    }
    if (pairs.size === 0) throw new AdapterExportError(`${name} holds no LoRA matrices.`);

    const tensors: SafetensorsTensor[] = [];
    const ranks = new Set<number>();
    const fd = fs.openSync(options.adapterPath, "r");
    try {
        for (const pair of [...pairs.values()].sort((x, y) => x.layer - y.layer || x.target.localeCompare(y.target))) {
            if (pair.a == null || pair.b == null) throw new AdapterExportError(`${name}: blk.${pair.layer}.${pair.target} lacks its ${pair.a == null ? "A" : "B"} matrix.`);
            const [inputs, rank] = pair.a.dimensions.map(Number) as [number, number];
            const [rankB, outputs] = pair.b.dimensions.map(Number) as [number, number];
            if (rank !== rankB) throw new AdapterExportError(`${name}: blk.${pair.layer}.${pair.target} has A of rank ${rank} and B of rank ${rankB}.`);
            ranks.add(rank);
            const module = peftModules[pair.target]!;
            let b = readF32(fd, pair.b, rank * outputs);
            if (spec.permutesQK && (pair.target === "attn_q" || pair.target === "attn_k"))
                b = unpermuteRows(b, outputs, rank, pair.target === "attn_q" ? heads : kvHeads);
            tensors.push({ name: peftTensorName(pair.layer, module, "A"), shape: [rank, inputs], data: readF32(fd, pair.a, inputs * rank) });
            tensors.push({ name: peftTensorName(pair.layer, module, "B"), shape: [outputs, rank], data: b });
        }
    } finally {
        fs.closeSync(fd);
    }
    if (ranks.size !== 1) throw new AdapterExportError(`${name} mixes LoRA ranks (${[...ranks].join(", ")}); PEFT export needs one rank.`);
    const rank = [...ranks][0]!;
    const targetModules = [...new Set([...pairs.values()].map((pair) => peftModules[pair.target]!.split(".").at(-1)!))].sort();
    const layers = [...new Set([...pairs.values()].map((pair) => pair.layer))].sort((x, y) => x - y);

    // Written into a hidden folder beside the target, then renamed: a crash leaves no half export.
    const partial = path.join(path.dirname(options.outDir), `.${path.basename(options.outDir)}.partial-${process.pid}`);
    fs.rmSync(partial, { recursive: true, force: true });
    fs.mkdirSync(partial, { recursive: true });
    try {
        writeSafetensors(path.join(partial, "adapter_model.safetensors"), tensors, { format: "pt" });
        fs.writeFileSync(path.join(partial, "adapter_config.json"), `${JSON.stringify(peftConfig(options.baseModelName, rank, alpha, targetModules, layers), null, 2)}\n`);
        fs.renameSync(partial, options.outDir);
    } catch (error) {
        fs.rmSync(partial, { recursive: true, force: true });
        throw error;
    }
    return { outDir: options.outDir, rank, alpha, targetModules, layers, tensorCount: tensors.length };
}

function readF32(fd: number, tensor: GgufTensorInfo, count: number): Float32Array {
    const bytes = Buffer.alloc(count * 4);
    const read = fs.readSync(fd, bytes, 0, bytes.length, Number(tensor.fileOffset));
    if (read !== bytes.length) throw new AdapterExportError(`The adapter file is cut short in ${tensor.name}.`);
    return new Float32Array(bytes.buffer, bytes.byteOffset, count).slice();
}

/** LoraConfig as PEFT writes it (to_dict), for a plain LoRA on a causal language model. */
function peftConfig(baseModel: string, rank: number, alpha: number, targetModules: string[], layers: number[]) {
    return {
        alpha_pattern: {}, auto_mapping: null, base_model_name_or_path: baseModel, bias: "none", fan_in_fan_out: false,
        inference_mode: true, init_lora_weights: true, layer_replication: null, layers_pattern: null, layers_to_transform: layers,
        loftq_config: {}, lora_alpha: alpha, lora_dropout: 0, megatron_config: null, megatron_core: "megatron.core",
        modules_to_save: null, peft_type: "LORA", r: rank, rank_pattern: {}, revision: null, target_modules: targetModules,
        task_type: "CAUSAL_LM", use_dora: false, use_rslora: false
    };
}
