import os from "node:os";
import { describe, expect, test } from "vitest";
import { HardwareProbe } from "../../../src-main/hardware/HardwareProbe.js";
import { parseCpuinfoFeatures, parseSystemInfoFeatures } from "../../../src-main/hardware/readCpuFeatures.js";
import { readFreeDiskBytes } from "../../../src-main/hardware/readFreeDiskBytes.js";
import { simulatedMachines } from "../../../src-main/hardware/simulatedMachines.js";

describe("HardwareProbe", () => {
    test("returns a simulated machine as is, marked simulated, without touching the hardware", async () => {
        const probe = new HardwareProbe({ modelsDir: "/nonexistent", override: simulatedMachines.laptopCuda6Gb });
        const profile = await probe.probe();
        expect(profile).toEqual({ ...simulatedMachines.laptopCuda6Gb, source: "simulated" });
        expect(JSON.parse(JSON.stringify(profile))).toEqual(profile);
    });

    test("probes this machine through node-llama-cpp into plain, serialisable data", async () => {
        const profile = await new HardwareProbe({ modelsDir: os.tmpdir() }).probe();
        expect(profile.source).toBe("probed");
        expect(profile.ramTotalBytes).toBeGreaterThan(0);
        expect(profile.ramFreeBytes).toBeLessThanOrEqual(profile.ramTotalBytes);
        expect(profile.cpu.mathCores).toBeGreaterThanOrEqual(1);
        expect(profile.cpu.mathCores).toBeLessThanOrEqual(profile.cpu.logicalCores);
        expect(profile.diskFreeBytes).toBeGreaterThan(0);
        if (profile.gpu.type === false) expect(profile.gpu.vramTotalBytes).toBe(0);
        expect(JSON.parse(JSON.stringify(profile))).toEqual(profile);
    }, 60_000);
});

describe("CPU features", () => {
    test("reads x86 flags, naming SSE3 by its usual name and dropping irrelevant flags", () => {
        const cpuinfo = "processor\t: 0\nflags\t\t: fpu vme pni ssse3 fma avx avx2 f16c avx512f avx512_vnni hypervisor\n";
        expect(parseCpuinfoFeatures(cpuinfo)).toEqual(["avx", "avx2", "avx512_vnni", "avx512f", "f16c", "fma", "sse3", "ssse3"]);
    });

    test("reads ARM features", () => {
        expect(parseCpuinfoFeatures("Features\t: fp asimd evtstrm asimddp i8mm sve\n")).toEqual(["asimd", "asimddp", "i8mm", "sve"]);
    });

    test("falls back to the features node-llama-cpp's build reports", () => {
        expect(parseSystemInfoFeatures("CPU : SSE3 = 1 | AVX = 1 | AVX2 = 1 | AVX512 = 0 | NEON = 1 | ")).toEqual(["avx", "avx2", "neon", "sse3"]);
    });

    test("free disk space of a folder is read with statfs", async () => {
        expect(await readFreeDiskBytes(os.tmpdir())).toBeGreaterThan(0);
    });
});
