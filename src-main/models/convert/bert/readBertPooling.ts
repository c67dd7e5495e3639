import path from "node:path";
import fs from "node:fs/promises";
import { modulesSchema, poolingConfigSchema } from "./bertCheckpointSchemas.js";
import type { BertPooling } from "./bertCheckpointTypes.js";
import { readCheckpointJson } from "./readCheckpointJson.js";
import { UnsupportedModuleError } from "./UnsupportedModuleError.js";
import { UnsupportedPoolingError } from "./UnsupportedPoolingError.js";

// Modules whose work llama.cpp does itself (the encoder, pooling) or that only rescale the vector: the
// Normalize module makes it unit length, which cosine similarity, the only use of these vectors, ignores.
const runnableModules = ["Transformer", "Pooling", "Normalize"];

const flagModes = {
    pooling_mode_cls_token: "cls",
    pooling_mode_mean_tokens: "mean",
    pooling_mode_max_tokens: "max",
    pooling_mode_mean_sqrt_len_tokens: "mean_sqrt_len_tokens",
    pooling_mode_weightedmean_tokens: "weightedmean",
    pooling_mode_lasttoken: "lasttoken"
} as const;

/**
 * The checkpoint's pooling, from its sentence-transformers Pooling module (modules.json names its folder;
 * without modules.json, the usual 1_Pooling). Exactly one mode, mean or cls, is accepted: llama.cpp has no
 * concatenated modes, and its other modes are not the sentence-transformers ones.
 */
export async function readBertPooling(checkpointDir: string): Promise<BertPooling> {
    const modulesPath = path.join(checkpointDir, "modules.json");
    let poolingDir = "1_Pooling";
    if (await exists(modulesPath)) {
        const modules = await readCheckpointJson(modulesPath, "sentence-transformers module list (modules.json)", modulesSchema);
        for (const module of modules) {
            const typeName = module.type.split(".").at(-1) ?? module.type;
            if (!runnableModules.includes(typeName)) throw new UnsupportedModuleError(modulesPath, module.type);
        }
        const pooling = modules.find((module) => module.type.endsWith("Pooling"));
        if (pooling == null) throw new UnsupportedPoolingError(modulesPath, []);
        poolingDir = pooling.path;
    }
    const configPath = path.join(checkpointDir, poolingDir, "config.json");
    const config = await readCheckpointJson(configPath, "pooling configuration", poolingConfigSchema);
    const modes = new Set<string>();
    for (const [flag, mode] of Object.entries(flagModes)) if (config[flag as keyof typeof flagModes] === true) modes.add(mode);
    if (config.pooling_mode != null) modes.add(config.pooling_mode);
    const [mode] = modes;
    if (modes.size !== 1 || (mode !== "mean" && mode !== "cls")) throw new UnsupportedPoolingError(configPath, [...modes]);
    return mode;
}

async function exists(filePath: string): Promise<boolean> {
    return fs.access(filePath).then(() => true, () => false);
}
