import path from "node:path";
import type { Database } from "better-sqlite3";
import { exportPeftAdapter } from "../../personalize/export/exportPeftAdapter.js";
import { AdapterRepository } from "../../store/AdapterRepository.js";
import { ModelRepository } from "../../store/ModelRepository.js";
import type { CliOutput } from "./runIngest.js";
import { UsageError } from "./UsageError.js";

export type ExportAdapterOptions = {
    /** The adapter's id or name, as the app lists it. */
    adapter: string;
    outDir: string;
    /** base_model_name_or_path in adapter_config.json: the Hugging Face model vLLM loads it onto. */
    baseModelName?: string;
};

/**
 * `locus export-adapter <id or name> --out DIR`: writes an adapter trained in Personalize in the PEFT layout
 * (adapter_config.json + adapter_model.safetensors) for vLLM's multi-LoRA serving. Returns the exit code.
 */
export async function runExportAdapter(db: Database, options: ExportAdapterOptions, output: CliOutput): Promise<number> {
    const adapters = new AdapterRepository(db).list();
    const adapter = adapters.find((candidate) => candidate.id === options.adapter)
        ?? adapters.find((candidate) => candidate.name.toLowerCase() === options.adapter.toLowerCase());
    if (adapter == null)
        throw new UsageError(`No adapter "${options.adapter}". Adapters: ${adapters.map((a) => `"${a.name}"`).join(", ") || "none yet (train one with locus train)"}.`);
    const base = adapter.baseModelId == null ? undefined : new ModelRepository(db).get(adapter.baseModelId);
    if (base == null) {
        output.err(`The model "${adapter.baseModelName}" that "${adapter.name}" was trained on is no longer in Locus's list; add it again to export.`);
        return 1;
    }
    const result = await exportPeftAdapter({
        adapterPath: adapter.filePath, baseModelPath: base.path, outDir: path.resolve(options.outDir),
        baseModelName: options.baseModelName ?? adapter.baseModelName
    });
    output.out(`Exported "${adapter.name}" to ${result.outDir} (PEFT LoRA: rank ${result.rank}, alpha ${result.alpha}, ${result.targetModules.join(", ")} on ${result.layers.length} layers).`);
    output.out("Serve it with vLLM: vllm serve <the Hugging Face model> --enable-lora --lora-modules locus=" + result.outDir);
    return 0;
}
