// Builds the native LoRA trainer into .cache/trainer-build/ (git-ignored):
//
//     npx tsx src-main/trainer/native/build.ts [--verbose] [--stock-backend]
//
// It compiles against the llama.cpp sources node-llama-cpp's binaries were built from (cloned from its
// bundle into .cache/llama.cpp when missing) and links against those prebuilt libraries. It also builds
// the trainer's own ggml CPU backend from the same sources with ggml-patches/ applied (fast backward
// through quantized weights; a few minutes the first time), unless --stock-backend. Idempotent: stamps
// record the sources, commit and libraries; when nothing changed it returns at once.
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { bundleHeadCommit, ensureLlamaSource } from "../../../tests/support/llamaCpp/ensureLlamaSource.js";
import { cacheDir } from "../../../tests/support/llamaCpp/repoPaths.js";
import { runCommand } from "../../../tests/support/llamaCpp/runCommand.js";
import { ensurePatchedCpuBackend } from "./buildCpuBackend.js";
import { trainerAddonFileName, trainerBuildStampFileName, type TrainerBuildStamp } from "./trainerBuildPaths.js";

const nativeDir = path.dirname(fileURLToPath(import.meta.url));
export const trainerBuildDir = path.join(cacheDir, "trainer-build");

export type EnsureTrainerAddonOptions = {
    /** Parallel compile jobs; 2 by default (the machines we build on are small and shared). */
    jobs?: number;
    /** Stream cmake's output to stderr. */
    echo?: boolean;
    /** Skip the patched CPU backend: the trainer then uses node-llama-cpp's, slower for quantized bases. */
    stockBackend?: boolean;
};

/** Builds the addon (and the patched CPU backend) when missing or stale and returns the addon's path. */
export async function ensureTrainerAddon({ jobs = 2, echo = false, stockBackend = false }: EnsureTrainerAddonOptions = {}): Promise<string> {
    const addonPath = path.join(trainerBuildDir, trainerAddonFileName);
    const stampPath = path.join(trainerBuildDir, trainerBuildStampFileName);
    const llamaLibraryDir = await findLlamaLibraryDir();
    const llamaCommit = await bundleHeadCommit();
    const sourceHash = await hashSources(llamaLibraryDir);
    const previous = await readStamp(stampPath);
    const llamaSourceDir = await ensureLlamaSource();
    if (previous?.sourceHash !== sourceHash || previous.llamaCommit !== llamaCommit || !(await exists(addonPath))) {
        await fs.rm(stampPath, { force: true });
        await buildAddon(llamaSourceDir, llamaLibraryDir, jobs, echo);
    }
    const cpuBackendPath = stockBackend ? undefined : await ensurePatchedCpuBackend({
        workDir: path.join(cacheDir, "trainer-ggml"),
        outputDir: path.join(trainerBuildDir, "cpu"),
        llamaSourceDir, llamaCommit, jobs, echo
    }).catch((error: unknown) => {
        // A slower trainer beats none: say why, and fall back to node-llama-cpp's backend.
        process.stderr.write(`The trainer's CPU backend could not be built; training will be slower.\n${String(error)}\n`);
        return undefined;
    });
    const stamp: TrainerBuildStamp = { llamaLibraryDir, llamaCommit, sourceHash, ...(cpuBackendPath ? { cpuBackendPath } : {}) };
    const stampText = JSON.stringify(stamp, null, 2);
    if ((await readText(stampPath)) !== stampText) await fs.writeFile(stampPath, stampText);
    return addonPath;
}

async function buildAddon(llamaSourceDir: string, llamaLibraryDir: string, jobs: number, echo: boolean): Promise<void> {
    await runCommand("cmake", [
        "-S", nativeDir,
        "-B", trainerBuildDir,
        "-DCMAKE_BUILD_TYPE=Release",
        `-DLLAMA_SOURCE_DIR=${llamaSourceDir}`,
        `-DLLAMA_LIB_DIR=${llamaLibraryDir}`,
        `-DNODE_INCLUDE_DIR=${await findNodeIncludeDir()}`
    ], { echo });
    await runCommand("cmake", ["--build", trainerBuildDir, "--target", "locus_trainer", "-j", String(jobs)], { echo });
}

async function readStamp(file: string): Promise<TrainerBuildStamp | undefined> {
    const text = await readText(file);
    try {
        return text === undefined ? undefined : (JSON.parse(text) as TrainerBuildStamp);
    } catch {
        return undefined;
    }
}

/** node-llama-cpp's prebuilt CPU binaries for this platform (the package its own loader uses). */
async function findLlamaLibraryDir(): Promise<string> {
    if (process.platform !== "linux") {
        throw new Error(`The LoRA trainer is built for Linux only so far (this is ${process.platform}).`);
    }
    const target = `${process.platform}-${process.arch}`;
    const binaries = (await import(`@node-llama-cpp/${target}`)) as { getBinsDir(): { binsDir: string } };
    const dir = path.join(binaries.getBinsDir().binsDir, target);
    const files = await fs.readdir(dir);
    if (!files.some((file) => /^libllama(\.v[\d.]+)?\.so$/.test(file))) throw new Error(`No libllama in ${dir}; run "npm ci".`);
    return dir;
}

/** node_api.h: from npm's nodedir, the headers installed with Node, or node-gyp's download cache. */
async function findNodeIncludeDir(): Promise<string> {
    const candidates = [
        process.env["npm_config_nodedir"] && path.join(process.env["npm_config_nodedir"], "include", "node"),
        path.join(path.dirname(path.dirname(process.execPath)), "include", "node"),
        "/usr/include/node",
        path.join(process.env["HOME"] ?? "", ".cache", "node-gyp", process.versions.node, "include", "node")
    ].filter((dir): dir is string => typeof dir === "string" && dir.length > 0);
    for (const dir of candidates) if (await exists(path.join(dir, "node_api.h"))) return dir;
    throw new Error(`node_api.h not found in ${candidates.join(", ")}; install Node's headers (e.g. "npx node-gyp install").`);
}

/** Everything that changes the binary: our sources and the libraries we link. */
async function hashSources(llamaLibraryDir: string): Promise<string> {
    const hash = createHash("sha256");
    const files = ["CMakeLists.txt", ...(await fs.readdir(path.join(nativeDir, "src"))).sort().map((file) => path.join("src", file))];
    for (const file of files) hash.update(file).update(await fs.readFile(path.join(nativeDir, file)));
    for (const file of (await fs.readdir(llamaLibraryDir)).sort()) {
        const stat = await fs.stat(path.join(llamaLibraryDir, file));
        hash.update(`${file}:${String(stat.size)}`);
    }
    return hash.digest("hex");
}

async function exists(file: string): Promise<boolean> {
    return fs.access(file).then(() => true, () => false);
}

async function readText(file: string): Promise<string | undefined> {
    return fs.readFile(file, "utf8").catch(() => undefined);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
    const started = performance.now();
    const addonPath = await ensureTrainerAddon({ echo: process.argv.includes("--verbose"), stockBackend: process.argv.includes("--stock-backend") });
    console.log(`${addonPath} (ready in ${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
