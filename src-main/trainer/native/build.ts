// Builds the native LoRA trainer into .cache/trainer/ (git-ignored):
//
//     npx tsx src-main/trainer/native/build.ts [--verbose] [--stock-backend]
//
// It compiles against the llama.cpp sources node-llama-cpp's binaries were built from (cloned from its
// bundle into .cache/llama.cpp when missing) and links against those prebuilt libraries. It also builds
// the trainer's own ggml CPU backend from the same sources with ggml-patches/ applied (fast backward
// through quantized weights; a few minutes the first time), unless --stock-backend. The result is one
// relocatable folder (see trainerBuildPaths.ts): the addon, copies of the libraries it links, cpu/ and a
// stamp with relative paths only; the installers ship it as resources/trainer. Idempotent: stamps record
// the sources, commit and libraries; when nothing changed it returns at once.
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { bundleHeadCommit, ensureLlamaSource } from "../../../tests/support/llamaCpp/ensureLlamaSource.js";
import { cacheDir } from "../../../tests/support/llamaCpp/repoPaths.js";
import { runCommand } from "../../../tests/support/llamaCpp/runCommand.js";
import { ensurePatchedCpuBackend } from "./buildCpuBackend.js";
import { linkedLlamaLibraries, llamaTarget } from "./linkedLlamaLibraries.js";
import { trainerAddonFileName, trainerBuildStampFileName, trainerFolderName, type TrainerBuildStamp } from "./trainerBuildPaths.js";

const nativeDir = path.dirname(fileURLToPath(import.meta.url));
/** The relocatable result: what tests, the app and the installers use. */
export const trainerDir = path.join(cacheDir, trainerFolderName);
/** Build folders (cmake's, the patched ggml's); nothing in them is used at run time. */
const workDir = path.join(cacheDir, "trainer-cmake");
const addonBuildDir = path.join(workDir, "addon");
const cpuBackendRelative = "cpu/libggml-cpu-locus.so";

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
    const target = llamaTarget();
    const llamaLibraryDir = await findLlamaLibraryDir(target);
    const llamaCommit = await bundleHeadCommit();
    const sourceHash = await hashSources(llamaLibraryDir);
    const llamaSourceDir = await ensureLlamaSource();
    const builtAddon = path.join(addonBuildDir, trainerAddonFileName);
    const addonStampPath = path.join(addonBuildDir, "locus-addon-stamp.txt");
    const addonStamp = `${llamaCommit} ${sourceHash}`;
    if ((await readText(addonStampPath)) !== addonStamp || !(await exists(builtAddon))) {
        await fs.rm(addonStampPath, { force: true });
        await buildAddon(llamaSourceDir, llamaLibraryDir, jobs, echo);
        await fs.writeFile(addonStampPath, addonStamp);
    }
    const cpuBackend = stockBackend ? undefined : await ensurePatchedCpuBackend({
        workDir: path.join(workDir, "ggml"),
        outputDir: path.join(workDir, "cpu"),
        // Its libggml-base.so is the one beside the addon, one folder up.
        runPath: "$ORIGIN/..",
        llamaSourceDir, llamaCommit, jobs, echo
    }).catch((error: unknown) => {
        // A slower trainer beats none: say why, and fall back to node-llama-cpp's backend.
        process.stderr.write(`The trainer's CPU backend could not be built; training will be slower.\n${String(error)}\n`);
        return undefined;
    });
    const libraries = await linkedLlamaLibraries(builtAddon, llamaLibraryDir);
    const files = new Map<string, string>([
        [trainerAddonFileName, builtAddon],
        ...libraries.map((name): [string, string] => [name, path.join(llamaLibraryDir, name)]),
        ...(cpuBackend ? [[cpuBackendRelative, cpuBackend] as [string, string]] : [])
    ]);
    const stamp: TrainerBuildStamp = {
        llamaTarget: target, llamaCommit, sourceHash, libraries, ...(cpuBackend ? { cpuBackend: cpuBackendRelative } : {})
    };
    await publishFolder(files, JSON.stringify(stamp, null, 2));
    return path.join(trainerDir, trainerAddonFileName);
}

/**
 * Makes .cache/trainer hold exactly `files` (relative name -> source) and the stamp, unless it already
 * does: a new folder is filled beside it and swapped in, so a reader never sees half of one.
 */
async function publishFolder(files: ReadonlyMap<string, string>, stampText: string): Promise<void> {
    if (await folderMatches(files, stampText)) return;
    const staging = `${trainerDir}.new-${process.pid}`;
    await fs.rm(staging, { recursive: true, force: true });
    for (const [relative, source] of files) {
        const destination = path.join(staging, ...relative.split("/"));
        await fs.mkdir(path.dirname(destination), { recursive: true });
        await fs.copyFile(source, destination);
    }
    await fs.writeFile(path.join(staging, trainerBuildStampFileName), stampText);
    const old = `${trainerDir}.old-${process.pid}`;
    await fs.rename(trainerDir, old).catch(() => undefined);
    await fs.rename(staging, trainerDir);
    await fs.rm(old, { recursive: true, force: true });
}

async function folderMatches(files: ReadonlyMap<string, string>, stampText: string): Promise<boolean> {
    if ((await readText(path.join(trainerDir, trainerBuildStampFileName))) !== stampText) return false;
    for (const [relative, source] of files) {
        const copy = await fs.readFile(path.join(trainerDir, ...relative.split("/"))).catch(() => undefined);
        if (copy === undefined || !copy.equals(await fs.readFile(source))) return false;
    }
    return true;
}

async function buildAddon(llamaSourceDir: string, llamaLibraryDir: string, jobs: number, echo: boolean): Promise<void> {
    await runCommand("cmake", [
        "-S", nativeDir,
        "-B", addonBuildDir,
        "-DCMAKE_BUILD_TYPE=Release",
        `-DLLAMA_SOURCE_DIR=${llamaSourceDir}`,
        `-DLLAMA_LIB_DIR=${llamaLibraryDir}`,
        `-DNODE_INCLUDE_DIR=${await findNodeIncludeDir()}`
    ], { echo });
    await runCommand("cmake", ["--build", addonBuildDir, "--target", "locus_trainer", "-j", String(jobs)], { echo });
}

/** node-llama-cpp's prebuilt CPU binaries for this platform (the package its own loader uses). */
async function findLlamaLibraryDir(target: string): Promise<string> {
    if (process.platform !== "linux") {
        throw new Error(`The LoRA trainer is built for Linux only so far (this is ${process.platform}).`);
    }
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
