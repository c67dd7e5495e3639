import { describe, expect, it } from "vitest";
import { HardwareProbe } from "../../../src-main/hardware/HardwareProbe.js";
import { simulatedMachines } from "../../../src-main/hardware/simulatedMachines.js";
import { bundledCatalog } from "../../../src-main/models/bundledCatalog.js";
import type { RemoteHeaderCache } from "../../../src-main/models/remoteHeader/RemoteHeaderCache.js";
import { SetupService } from "../../../src-main/setup/SetupService.js";

function setupFor(machine: keyof typeof simulatedMachines, installed: (id: string, q: string) => string | null = () => null) {
    const probe = new HardwareProbe({ modelsDir: "/nonexistent", override: simulatedMachines[machine] });
    return new SetupService(probe, bundledCatalog, installed, () => 0);
}

describe("SetupService", () => {
    it("describes a simulated machine as simulated", async () => {
        const hardware = await setupFor("laptop8GbCpu").hardware();
        expect(hardware.source).toBe("simulated");
        expect(hardware.ramTotalBytes).toBe(8 * 1024 ** 3);
    });

    it("labels every catalog file for this computer, and the 8B model is too large on an 8 GB laptop", async () => {
        const listing = await setupFor("laptop8GbCpu").listCatalog(4096);
        expect(listing.length).toBe(bundledCatalog().models.length);
        const labels = listing.flatMap((entry) => entry.quants.map((q) => q.fit.label));
        expect(new Set(labels).has("fits in memory")).toBe(true);
        const big = listing.find((entry) => entry.id === "qwen3-8b")!;
        expect(big.quants.find((q) => q.quant === "Q8_0")!.fit.label).toBe("too large for this computer");
        expect(listing.every((e) => e.quants.every((q) => q.fit.explanation.length > 10))).toBe(true);
    });

    it("marks files already on this computer", async () => {
        const listing = await setupFor("laptop16GbCpu", (id, q) => (id === "qwen3-4b" && q === "Q4_K_M" ? "m1" : null)).listCatalog();
        expect(listing.find((e) => e.id === "qwen3-4b")!.quants.find((q) => q.quant === "Q4_K_M")!.installedModelId).toBe("m1");
    });

    it("recommends a configuration that fits, with a reason for every choice", async () => {
        const rec = await setupFor("laptop16GbCpu").recommend({ difficulty: "find-facts", learningBudgetMinutes: 0, latency: "balanced" });
        expect(rec.chat.fit.label).not.toBe("too large for this computer");
        expect(rec.alternatives).toHaveLength(2);
        expect(rec.threads).toBeLessThanOrEqual(simulatedMachines.laptop16GbCpu.cpu.mathCores);
        for (const reason of Object.values(rec.reasons)) expect(reason.length).toBeGreaterThan(10);
    });

    it("updates a fit for an override and refuses unknown files", async () => {
        const setup = setupFor("laptopCuda6Gb");
        const small = await setup.fit("qwen3-4b", "Q4_K_M", 2048);
        const large = await setup.fit("qwen3-4b", "Q4_K_M", 32768);
        expect(large.ramBytes + large.vramBytes).toBeGreaterThan(small.ramBytes + small.vramBytes);
        await expect(setup.fit("qwen3-4b", "Q2_K", 2048)).rejects.toThrow(/no Q2_K file/);
    });

    it("reads headers from the model hub only for a fit or recommendation the person asked to be exact (online), never for the catalog", async () => {
        const asked: string[] = [];
        // Both answers are "no header": what matters here is which was asked.
        const headers = {
            headerFor: async () => (asked.push("hub"), null),
            cachedHeaderFor: async () => (asked.push("disk"), null)
        } as unknown as RemoteHeaderCache;
        const probe = new HardwareProbe({ modelsDir: "/nonexistent", override: simulatedMachines.laptop16GbCpu });
        const setup = new SetupService(probe, bundledCatalog, () => null, () => 0, { headers });
        const goals = { difficulty: "find-facts", learningBudgetMinutes: 0, latency: "balanced" } as const;

        await setup.listCatalog(4096);
        await setup.recommend(goals);
        await setup.fit("qwen3-4b", "Q4_K_M", 4096);
        expect(asked.length).toBeGreaterThan(0);
        expect(asked.filter((source) => source === "hub")).toEqual([]);

        asked.length = 0;
        await setup.fit("qwen3-4b", "Q4_K_M", 4096, true);
        expect(asked).toEqual(["hub"]);
        asked.length = 0;
        await setup.recommend({ ...goals, online: true });
        expect(asked.length).toBe(3);
        expect(new Set(asked)).toEqual(new Set(["hub"]));
    });

    it("tells its listeners when the hardware is probed again, not on the first probe or a cached read", async () => {
        const setup = setupFor("laptop16GbCpu");
        let reprobes = 0;
        setup.onReprobe(() => reprobes++);
        await setup.hardware();
        await setup.hardware();
        expect(reprobes).toBe(0);
        await setup.hardware(true);
        expect(reprobes).toBe(1);
    });
});

describe("SetupService with the starter chat model in use", () => {
    it("says in plain words that the starter model is tiny and meant for trying Locus, and still recommends a better one", async () => {
        const probe = new HardwareProbe({ modelsDir: "/nonexistent", override: simulatedMachines.laptop16GbCpu });
        const starter = { displayName: "SmolLM2 135M Instruct (starter)", sizeBytes: 98_362_432 };
        const setup = new SetupService(probe, bundledCatalog, () => null, () => 0, { starterChatModel: () => starter });
        const rec = await setup.recommend({ difficulty: "find-facts", learningBudgetMinutes: 0, latency: "balanced" });
        expect(rec.chat.displayName).not.toContain("starter");
        expect(rec.starterNote).toContain("SmolLM2 135M Instruct (starter), a tiny model (98 MB)");
        expect(rec.starterNote).toContain(`${rec.chat.displayName} will answer much better on this computer`);

        const without = await setupFor("laptop16GbCpu").recommend({ difficulty: "find-facts", learningBudgetMinutes: 0, latency: "balanced" });
        expect(without.starterNote).toBeUndefined();
    });
});
