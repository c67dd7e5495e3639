import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import { syntheticGeneratorVersion, type SyntheticModelSpec } from "./syntheticModels.js";

/** A short hash of everything a synthetic model's bytes depend on; it goes into the cached file's name. */
export async function syntheticModelKey(spec: SyntheticModelSpec, sourceFiles: readonly string[]): Promise<string> {
    const hash = createHash("sha256");
    hash.update(JSON.stringify({ version: syntheticGeneratorVersion, spec }));
    for (const file of sourceFiles) hash.update(await fs.readFile(file));
    return hash.digest("hex").slice(0, 16);
}
