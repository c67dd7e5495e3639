// Builds the trainer's own ggml CPU backend: the same ggml sources as node-llama-cpp's binaries, with the
// patches in ggml-patches/ (a blocked backward through quantized weights), as one dynamically loaded
// backend library. Only the trainer worker loads it; node-llama-cpp keeps its own.
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runCommand } from "../../../tests/support/llamaCpp/runCommand.js";

const patchesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "ggml-patches");

/** x86 instruction sets, as /proc/cpuinfo names them, and the ggml option that uses each. */
const x86Features: ReadonlyArray<readonly [option: string, flags: readonly string[]]> = [
    ["GGML_SSE42", ["sse4_2"]],
    ["GGML_AVX", ["avx"]],
    ["GGML_F16C", ["f16c"]],
    ["GGML_FMA", ["fma"]],
    ["GGML_AVX2", ["avx2"]],
    ["GGML_BMI2", ["bmi2"]],
    ["GGML_AVX_VNNI", ["avx_vnni"]],
    // ggml's AVX512 option compiles for all five of these together.
    ["GGML_AVX512", ["avx512f", "avx512cd", "avx512vl", "avx512dq", "avx512bw"]],
    ["GGML_AVX512_VBMI", ["avx512f", "avx512vbmi"]],
    ["GGML_AVX512_VNNI", ["avx512f", "avx512_vnni"]],
    ["GGML_AVX512_BF16", ["avx512f", "avx512_bf16"]]
];

export type CpuBackendBuild = {
    /** Where the build happens (copied and patched sources, cmake folder); removed once it succeeds. */
    workDir: string;
    /** Folder the finished library is copied to, alone. */
    outputDir: string;
    /** The library's run path, relative ($ORIGIN...) so it finds libggml-base.so wherever it is installed. */
    runPath: string;
    llamaSourceDir: string;
    llamaCommit: string;
    jobs: number;
    echo: boolean;
};

/**
 * Returns the patched CPU backend, building it when missing or stale, or undefined where it cannot be
 * built (not Linux x86-64): the trainer then uses node-llama-cpp's backend, only slower.
 */
export async function ensurePatchedCpuBackend(build: CpuBackendBuild): Promise<string | undefined> {
    if (process.platform !== "linux" || process.arch !== "x64") return undefined;
    const options = [
        "-DCMAKE_BUILD_TYPE=Release",
        "-DBUILD_SHARED_LIBS=ON",
        // node-llama-cpp's libggml-base.so has an unversioned soname; ours must match it, so that the
        // backend binds to the copy already loaded instead of loading a second one.
        "-DCMAKE_PLATFORM_NO_VERSIONED_SONAME=ON",
        // Never the build folder's absolute path: the library is shipped in the app's resources.
        "-DCMAKE_BUILD_WITH_INSTALL_RPATH=ON",
        `-DCMAKE_INSTALL_RPATH=${build.runPath}`,
        "-DGGML_BACKEND_DL=ON",
        // GGML_NATIVE cannot be combined with dynamic backends: the instruction sets are listed instead.
        "-DGGML_NATIVE=OFF",
        ...(await cpuFeatureOptions()),
        // As llama.cpp (and so node-llama-cpp) builds it: llamafile's matmul kernels for the forward pass.
        "-DGGML_LLAMAFILE=ON",
        "-DGGML_OPENMP=OFF",
        "-DGGML_CCACHE=OFF",
        "-DGGML_BUILD_TESTS=OFF",
        "-DGGML_BUILD_EXAMPLES=OFF"
    ];
    const patches = (await fs.readdir(patchesDir)).filter((file) => file.endsWith(".patch")).sort();
    const hash = createHash("sha256").update(build.llamaCommit).update(JSON.stringify(options));
    for (const patch of patches) hash.update(patch).update(await fs.readFile(path.join(patchesDir, patch)));
    const stamp = hash.digest("hex");

    const library = path.join(build.outputDir, "libggml-cpu-locus.so");
    const stampPath = path.join(build.outputDir, "stamp.txt");
    if ((await readText(stampPath)) === stamp && (await exists(library))) return library;

    const sourceDir = path.join(build.workDir, "ggml");
    const buildDir = path.join(build.workDir, "build");
    await fs.rm(build.workDir, { recursive: true, force: true });
    await fs.rm(build.outputDir, { recursive: true, force: true });
    await fs.mkdir(build.workDir, { recursive: true });
    await fs.cp(path.join(build.llamaSourceDir, "ggml"), sourceDir, { recursive: true });
    // The bundle leaves out ggml.pc.in, which a standalone ggml configure expects.
    await fs.writeFile(path.join(sourceDir, "ggml.pc.in"), "", { flag: "a" });
    for (const patch of patches) {
        await runCommand("patch", ["-p1", "--forward", "--batch", "-d", sourceDir, "-i", path.join(patchesDir, patch)], { echo: build.echo });
    }
    await runCommand("cmake", ["-S", sourceDir, "-B", buildDir, ...options], { echo: build.echo });
    await runCommand("cmake", ["--build", buildDir, "--target", "ggml-cpu", "-j", String(build.jobs)], { echo: build.echo });

    const built = await findFile(buildDir, "libggml-cpu.so");
    if (built === undefined) throw new Error(`The ggml CPU backend build produced no libggml-cpu.so in ${buildDir}`);
    await fs.mkdir(build.outputDir, { recursive: true });
    // Alone in its folder: were its libggml-base.so next to it, a mistake could load a second ggml.
    await fs.copyFile(built, library);
    await fs.writeFile(stampPath, stamp);
    // Any change rebuilds from a fresh copy anyway: the sources and objects are not worth their space.
    await fs.rm(build.workDir, { recursive: true, force: true });
    return library;
}

async function cpuFeatureOptions(): Promise<string[]> {
    const cpuinfo = await fs.readFile("/proc/cpuinfo", "utf8");
    const flags = new Set(/^flags\s*:(.*)$/m.exec(cpuinfo)?.[1]?.trim().split(/\s+/) ?? []);
    return x86Features.map(([option, needed]) => `-D${option}=${needed.every((flag) => flags.has(flag)) ? "ON" : "OFF"}`);
}

async function findFile(dir: string, name: string): Promise<string | undefined> {
    for (const entry of await fs.readdir(dir, { withFileTypes: true, recursive: true })) {
        if (entry.isFile() && entry.name === name) return path.join(entry.parentPath, entry.name);
    }
    return undefined;
}

async function exists(file: string): Promise<boolean> {
    return fs.access(file).then(() => true, () => false);
}

async function readText(file: string): Promise<string | undefined> {
    return fs.readFile(file, "utf8").catch(() => undefined);
}
