import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createServices } from "../../src-main/services/createServices.js";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "locus-engine-settings-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("the engine's threads under settings changes", () => {
    it("keeps the host's thread count when another setting changes, and takes the person's own choice of threads", async () => {
        // As `npm run serve -- --threads 1`: the host's choice overrides the saved settings (all cores).
        const services = await createServices({ dataDir: dir, host: "browser", engine: { gpu: false, contextSize: 512, threads: 1 } });
        try {
            const update = async (patch: Record<string, unknown>) => {
                const answer = await services.dispatcher.dispatch("settings.update", patch);
                if (!answer.ok) throw new Error(answer.error.message);
            };
            await update({ maxMailboxMessages: 500 });
            const llama = await services.engine.llama();
            expect(services.engine.threads).toBe(1);
            const chosen = Math.min(2, llama.cpuMathCores);
            await update({ threads: chosen });
            expect(services.engine.threads).toBe(chosen);
            await update({ readPicturesInFolders: true });
            expect(services.engine.threads).toBe(chosen);
        } finally {
            await services.dispose();
        }
    });
});
