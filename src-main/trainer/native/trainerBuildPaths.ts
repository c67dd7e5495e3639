import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { resourcesDir } from "../../runtime/resourcesDir.js";
import { runningFromArchive } from "../../runtime/runningFromArchive.js";

export const trainerAddonFileName = "locus_trainer.node";
/** Written next to the addon by build.ts: what it was built from and which files travel with it. */
export const trainerBuildStampFileName = "locus-trainer-build.json";
/**
 * The relocatable trainer folder: `.cache/trainer/` in a source checkout, `trainer/` in the packaged app's
 * resources. It holds the addon, the node-llama-cpp libraries it links (found through a run path relative
 * to the addon), the patched CPU backend in `cpu/`, and the stamp; it works wherever it is copied.
 */
export const trainerFolderName = "trainer";

const relativeFile = z.string().min(1).refine((file) => !path.isAbsolute(file) && !file.split("/").includes(".."), {
    message: "must be a path inside the trainer folder"
});

const trainerBuildStampSchema = z.strictObject({
    /** node-llama-cpp's platform package the libraries were copied from ("linux-x64"). */
    llamaTarget: z.string().min(1),
    llamaCommit: z.string(),
    sourceHash: z.string(),
    /** node-llama-cpp's libraries copied beside the addon, by file name. */
    libraries: z.array(relativeFile),
    /**
     * The trainer's own ggml CPU backend (same sources, with ggml-patches/ applied), relative to the addon's
     * folder with forward slashes; absent when it could not be built for this machine.
     */
    cpuBackend: relativeFile.optional()
});

export type TrainerBuildStamp = z.infer<typeof trainerBuildStampSchema>;

/**
 * Where the addon is: $LOCUS_TRAINER_ADDON when set; else the first that exists of the packaged app's
 * `resources/trainer/` and `.cache/trainer/` in the first folder above this module that has one. When none
 * exists, the place it would be for this kind of install (for the message that says it is missing).
 */
export function findTrainerAddon(): string {
    const fromEnv = process.env["LOCUS_TRAINER_ADDON"];
    if (fromEnv) return path.resolve(fromEnv);
    const packaged = packagedTrainerAddon();
    const checkout = checkoutTrainerAddon();
    for (const candidate of [packaged, checkout]) if (candidate !== undefined && fs.existsSync(candidate)) return candidate;
    return (runningFromArchive() ? packaged : undefined) ?? checkout ?? path.resolve(".cache", trainerFolderName, trainerAddonFileName);
}

/** True when the addon would come from a packaged app's resources, where building it is not an option. */
export function isPackagedTrainer(addonPath: string): boolean {
    const resources = resourcesDir();
    return resources !== undefined && path.dirname(path.dirname(addonPath)) === path.resolve(resources);
}

/** The stamp beside the addon, or undefined when it is missing or not one this version writes. */
export function readTrainerBuildStamp(addonPath: string): TrainerBuildStamp | undefined {
    try {
        const text = fs.readFileSync(path.join(path.dirname(addonPath), trainerBuildStampFileName), "utf8");
        const parsed = trainerBuildStampSchema.safeParse(JSON.parse(text));
        return parsed.success ? parsed.data : undefined;
    } catch {
        return undefined;
    }
}

/** An absolute path for a file the stamp names relative to the addon's folder. */
export function trainerFile(addonPath: string, relative: string): string {
    return path.join(path.dirname(addonPath), ...relative.split("/"));
}

function packagedTrainerAddon(): string | undefined {
    const resources = resourcesDir();
    return resources === undefined ? undefined : path.join(resources, trainerFolderName, trainerAddonFileName);
}

function checkoutTrainerAddon(): string | undefined {
    const relative = path.join(".cache", trainerFolderName, trainerAddonFileName);
    for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
        const candidate = path.join(dir, relative);
        if (fs.existsSync(candidate)) return candidate;
        if (path.dirname(dir) === dir) return undefined;
    }
}
