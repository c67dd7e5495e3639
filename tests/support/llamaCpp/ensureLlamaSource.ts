import fs from "node:fs/promises";
import { LlamaBundleNotFoundError } from "./errors.js";
import { llamaBundlePath } from "./llamaBundlePath.js";
import { pathExists } from "./pathExists.js";
import { llamaSourceDir } from "./repoPaths.js";
import { runCommand } from "./runCommand.js";

/**
 * Returns the folder of the llama.cpp sources matching node-llama-cpp's binaries, cloning it from the
 * bundle when missing or when node-llama-cpp was upgraded (the checked-out commit differs from the bundle's).
 */
export async function ensureLlamaSource(targetDir: string = llamaSourceDir): Promise<string> {
    const bundle = llamaBundlePath();
    if (!await pathExists(bundle)) throw new LlamaBundleNotFoundError(bundle);

    const wanted = await bundleHeadCommit(bundle);
    if (await checkedOutCommit(targetDir) === wanted) return targetDir;

    // clone beside the final folder and rename, so an interrupted clone never looks complete
    const tempDir = `${targetDir}.tmp-${process.pid}-${Date.now()}`;
    try {
        await runCommand("git", ["clone", "--quiet", bundle, tempDir]);
        await fs.rm(targetDir, { recursive: true, force: true });
        await fs.rename(tempDir, targetDir);
    } catch (error) {
        await fs.rm(tempDir, { recursive: true, force: true });
        // another process may have finished the same clone first
        if (await checkedOutCommit(targetDir) !== wanted) throw error;
    }
    return targetDir;
}

/** The commit the bundle's HEAD points at (first line of `git bundle list-heads`). */
export async function bundleHeadCommit(bundle: string = llamaBundlePath()): Promise<string> {
    const heads = await runCommand("git", ["bundle", "list-heads", bundle]);
    return heads.trim().split(/\s+/)[0] ?? "";
}

async function checkedOutCommit(dir: string): Promise<string | undefined> {
    if (!await pathExists(dir)) return undefined;
    try {
        return (await runCommand("git", ["-C", dir, "rev-parse", "HEAD"])).trim();
    } catch {
        return undefined;
    }
}

