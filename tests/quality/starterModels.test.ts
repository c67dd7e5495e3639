import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { findStarterModels } from "../../src-main/models/starter/findStarterModels.js";
import { createServices, type Services } from "../../src-main/services/createServices.js";
import { requireStarterModels } from "../support/starter/requireStarterModels.js";

const dirs: string[] = [];
afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

async function start(dataDir: string): Promise<Services> {
    return createServices({ dataDir, host: "browser", starterModels: findStarterModels(), engine: { gpu: false, threads: 2, contextSize: 2048 } });
}

describe("the starter models a new user gets", () => {
    it("are in the model list at first start, the embedding model chosen and the chat model loading; a removed one stays removed", async () => {
        requireStarterModels();
        const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "locus-starter-"));
        dirs.push(dataDir);

        let services = await start(dataDir);
        const names = services.models.list().map((m) => `${m.displayName} (${m.role})`).sort();
        expect(names).toEqual(["SmolLM2 135M Instruct (starter) (chat)", "all-MiniLM-L6-v2 (starter) (embedding)"]);
        const embedding = services.models.list().find((m) => m.role === "embedding")!;
        const chat = services.models.list().find((m) => m.role === "chat")!;
        expect(services.settings.get()).toMatchObject({ embeddingModelId: embedding.id, chatModelId: chat.id });
        await expect.poll(() => services.engine.status.state, { timeout: 60_000 }).toBe("ready");
        expect(services.engine.status).toMatchObject({ modelId: chat.id, chatWrapper: "ChatML" });
        expect(chat.sha256).toMatch(/^[0-9a-f]{64}$/);

        // The person removes the chat model; the next start respects that.
        const removed = await services.dispatcher.dispatch("models.remove", { modelId: chat.id });
        expect(removed.ok).toBe(true);
        await services.dispose();
        services = await start(dataDir);
        expect(services.models.list().map((m) => m.displayName)).toEqual(["all-MiniLM-L6-v2 (starter)"]);
        expect(services.engine.status.state).toBe("idle");
        await services.dispose();
    });
});
