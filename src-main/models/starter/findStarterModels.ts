import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { starterModels, type StarterModel } from "./starterManifest.js";

export type InstalledStarterModel = { model: StarterModel; path: string };

/**
 * The starter models present on this computer, from the first folder that has any: $LOCUS_STARTER_DIR
 * ("none" turns them off), the packaged app's resources (`starter-models/`), or `.cache/starter-models/`
 * in the first folder above this module (a source checkout after `npm run setup`).
 */
export function findStarterModels(): InstalledStarterModel[] {
    for (const dir of candidateDirs()) {
        const found = starterModels()
            .map((model) => ({ model, path: path.join(dir, model.model) }))
            .filter((entry) => isFile(entry.path));
        if (found.length > 0) return found;
    }
    return [];
}

function candidateDirs(): string[] {
    const fromEnv = process.env["LOCUS_STARTER_DIR"];
    if (fromEnv) return fromEnv === "none" ? [] : [path.resolve(fromEnv)];
    const dirs: string[] = [];
    const resources = (process as { resourcesPath?: string }).resourcesPath;
    if (resources) dirs.push(path.join(resources, "starter-models"));
    for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
        dirs.push(path.join(dir, ".cache", "starter-models"));
        if (path.dirname(dir) === dir) break;
    }
    return dirs;
}

function isFile(filePath: string): boolean {
    try {
        return fs.statSync(filePath).isFile();
    } catch {
        return false;
    }
}
