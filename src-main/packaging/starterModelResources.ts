import fs from "node:fs";
import path from "node:path";
import type { FileSet } from "electron-builder";
import { starterModels } from "../models/starter/starterManifest.js";

/** Where `npm run setup` (models:starter) leaves the starter models' GGUF files. */
export const starterSourceDir = path.join(".cache", "starter-models");
/** The folder findStarterModels() looks for in the packaged app's resources. */
export const starterResourceFolder = "starter-models";

export type StarterModelFlags = { embedding: boolean; chat: boolean };

/**
 * The starter models an installer carries (build flags): the embedding model lets a fresh install index
 * offline; the chat model lets it answer offline too. A requested model that is not on this machine
 * stops the build: an installer silently without it would not do what was asked.
 */
export function starterModelResources(flags: StarterModelFlags, projectDir = process.cwd()): FileSet[] {
    const wanted = starterModels().filter((model) => (model.role === "embedding" ? flags.embedding : flags.chat));
    if (wanted.length === 0) return [];
    for (const model of wanted) {
        const file = path.join(projectDir, starterSourceDir, model.model);
        if (!fs.existsSync(file)) {
            throw new Error(`The starter ${model.role} model is requested for the installer but ${file} is missing: run "npm run models:starter" first.`);
        }
    }
    return [{ from: starterSourceDir, to: starterResourceFolder, filter: wanted.map((model) => model.model) }];
}
