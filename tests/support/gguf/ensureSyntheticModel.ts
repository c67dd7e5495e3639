import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { ensureLlamaSource } from "../llamaCpp/ensureLlamaSource.js";
import { pathExists } from "../llamaCpp/pathExists.js";
import { syntheticModelsDir } from "../llamaCpp/repoPaths.js";
import { UnknownSyntheticModelError } from "./errors.js";
import { deepSeekR1ChatTemplateFile } from "./deepSeekR1Tokenizer.js";
import { generateScriptedChatModel } from "./generateScriptedChatModel.js";
import { generateSyntheticModel } from "./generateSyntheticModel.js";
import { bertVocabFile, generateSyntheticBert } from "./generateSyntheticBert.js";
import { llama3ChatTemplateFile, llama3VocabFile } from "./readLlama3Tokenizer.js";
import { syntheticModelKey } from "./syntheticModelKey.js";
import { syntheticModelNames, syntheticModels, type SyntheticModelName, type SyntheticModelSpec } from "./syntheticModels.js";

/**
 * Returns the path of a cached synthetic model under .cache/models, generating it first when it is missing
 * or was made by another generator version or tokenizer. The file only appears, by rename, once complete.
 * Two processes asking at once may both generate; the renames are atomic, so either result is whole.
 */
export async function ensureSyntheticModel(name: SyntheticModelName): Promise<string> {
    if (!Object.hasOwn(syntheticModels, name)) throw new UnknownSyntheticModelError(name, syntheticModelNames);
    const spec: SyntheticModelSpec = syntheticModels[name];
    const sourceDir = await ensureLlamaSource();
    const tokenizerFiles = "kind" in spec && spec.kind === "bert" ? [bertVocabFile]
        : "kind" in spec && spec.family === "deepseek-r1" ? [llama3VocabFile, llama3ChatTemplateFile, deepSeekR1ChatTemplateFile]
        : [llama3VocabFile, llama3ChatTemplateFile];
    const key = await syntheticModelKey(spec, tokenizerFiles.map((file) => path.join(sourceDir, file)));
    const modelPath = path.join(syntheticModelsDir, `${name}.${key}.gguf`);
    if (await pathExists(modelPath)) return modelPath;

    await fs.mkdir(syntheticModelsDir, { recursive: true });
    const tempPath = `${modelPath}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`;
    try {
        if (!("kind" in spec)) {
            const pooling = spec.poolingType === undefined ? {} : { poolingType: spec.poolingType };
            await generateSyntheticModel(spec.shape, spec.quant, tempPath, { seed: spec.seed, ...pooling });
        } else if (spec.kind === "bert") await generateSyntheticBert(tempPath, { seed: spec.seed, head: spec.head, shape: spec.shape });
        else await generateScriptedChatModel(spec.answer, tempPath, {
            ...(spec.family ? { family: spec.family } : {}), ...(spec.sampling ? { sampling: spec.sampling } : {})
        });
        await fs.rename(tempPath, modelPath);
    } finally {
        await fs.rm(tempPath, { force: true });
    }
    await removeStaleVersions(name, modelPath);
    return modelPath;
}

/** A temp file untouched this long belongs to a generator that died (a live one writes continuously). */
const abandonedTempAgeMs = 10 * 60_000;

/**
 * Removes other versions of the same model (~1 GB each for the realistic shape) and temp files that
 * killed generators left behind.
 */
async function removeStaleVersions(name: SyntheticModelName, currentPath: string): Promise<void> {
    for (const file of await fs.readdir(syntheticModelsDir)) {
        const filePath = path.join(syntheticModelsDir, file);
        if (filePath === currentPath || !file.startsWith(`${name}.`)) continue;
        if (file.endsWith(".gguf") || (file.includes(".gguf.tmp-") && await isAbandoned(filePath)))
            await fs.rm(filePath, { force: true });
    }
}

async function isAbandoned(filePath: string): Promise<boolean> {
    const stat = await fs.stat(filePath).catch(() => undefined);
    return stat != null && Date.now() - stat.mtimeMs > abandonedTempAgeMs;
}
