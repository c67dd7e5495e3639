import { readFile } from "node:fs/promises";

/** Features that change which llama.cpp kernels run; the rest of /proc/cpuinfo's flags are noise here. */
const relevantFeatures = new Set([
    "sse3", "ssse3", "avx", "avx2", "fma", "f16c", "bmi2", "avx512f", "avx512bw", "avx512vl", "avx512_vnni",
    "avx512_bf16", "avx_vnni", "amx_tile", "amx_int8", "amx_bf16",
    "neon", "asimd", "asimddp", "dotprod", "i8mm", "sve", "sve2", "bf16", "fphp", "asimdhp"
]);

/** Parses the `flags` (x86) or `Features` (ARM) line of /proc/cpuinfo. */
export function parseCpuinfoFeatures(cpuinfo: string): string[] {
    const line = cpuinfo.split("\n").find((text) => /^(flags|Features)\s*:/.test(text));
    if (line === undefined) return [];
    const words = line.slice(line.indexOf(":") + 1).trim().split(/\s+/);
    // /proc/cpuinfo says "pni" for SSE3
    return [...new Set(words.map((word) => (word === "pni" ? "sse3" : word)).filter((word) => relevantFeatures.has(word)))].sort();
}

/** Parses node-llama-cpp's `systemInfo` ("CPU : SSE3 = 1 | AVX2 = 1 | ..."): what the loaded build uses. */
export function parseSystemInfoFeatures(systemInfo: string): string[] {
    const features = new Set<string>();
    for (const match of systemInfo.matchAll(/([A-Z0-9_]+)\s*=\s*1/g))
        if (match[1] !== undefined) features.add(match[1].toLowerCase());
    return [...features].sort();
}

/** /proc/cpuinfo on Linux; elsewhere the features the llama.cpp build reports. */
export async function readCpuFeatures(platform: string, systemInfo: string): Promise<string[]> {
    if (platform === "linux") {
        const text = await readFile("/proc/cpuinfo", "utf8").catch(() => "");
        const features = parseCpuinfoFeatures(text);
        if (features.length > 0) return features;
    }
    return parseSystemInfoFeatures(systemInfo);
}
