import { spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ModelInfo } from "../../src-main/common/contract/types.js";
import { createServices, type Services } from "../../src-main/services/createServices.js";
import { outbound, readEgress } from "../support/egress/readEgress.js";
import { ensureSyntheticModel } from "../support/gguf/ensureSyntheticModel.js";

const recorder = path.resolve(import.meta.dirname, "../support/egress/recordEgress.mjs");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "locus-egress-"));
const log = path.join(dir, "egress.jsonl");
const saved = { log: process.env.LOCUS_EGRESS_LOG, nodeOptions: process.env.NODE_OPTIONS };

beforeAll(async () => {
    // This process, and every worker process it starts (parser, trainer), record their connection attempts.
    process.env.LOCUS_EGRESS_LOG = log;
    process.env.NODE_OPTIONS = `${saved.nodeOptions ?? ""} --import ${pathToFileURL(recorder).href}`.trim();
    await import(pathToFileURL(recorder).href);
});
afterAll(() => {
    if (saved.log === undefined) delete process.env.LOCUS_EGRESS_LOG;
    else process.env.LOCUS_EGRESS_LOG = saved.log;
    if (saved.nodeOptions === undefined) delete process.env.NODE_OPTIONS;
    else process.env.NODE_OPTIONS = saved.nodeOptions;
    fs.rmSync(dir, { recursive: true, force: true });
});

async function value<T>(services: Services, method: string, args: unknown = {}): Promise<T> {
    const answer = await services.dispatcher.dispatch(method, args);
    if (!answer.ok) throw new Error(`${method} failed: ${answer.error.message}`);
    return answer.value as T;
}

describe("zero egress", () => {
    it("records an outbound attempt in this process and in a child process (the recorder works)", () => {
        fs.rmSync(log, { force: true });
        const socket = net.connect({ host: "192.0.2.1", port: 9 });
        socket.on("error", () => undefined);
        socket.destroy();
        const child = spawnSync(process.execPath, ["-e", "const s=require('node:net').connect(9,'192.0.2.2');s.on('error',()=>{});s.destroy()"], { env: process.env });
        expect(child.status).toBe(0);
        const hosts = outbound(readEgress(log)).map((attempt) => attempt.target.host);
        expect(hosts).toEqual(expect.arrayContaining(["192.0.2.1", "192.0.2.2"]));
        expect(new Set(readEgress(log).map((attempt) => attempt.pid)).size).toBe(2);
        fs.rmSync(log, { force: true });
    });

    it("start, add models from disk, index documents, ask the library and Personalize: no connection leaves the machine", async () => {
        fs.rmSync(log, { force: true });
        const docs = path.join(dir, "docs");
        fs.mkdirSync(docs);
        for (let i = 0; i < 6; i++)
            fs.writeFileSync(path.join(docs, `note-${i}.md`), `# Note ${i}\n\nIn winter the harbour turns deep teal. Refunds are paid within ${i + 10} days. `.repeat(6));
        const services = await createServices({
            dataDir: path.join(dir, "data"), host: "browser", engine: { gpu: false, contextSize: 512, threads: 2 }, maxAnswerTokens: 12,
            training: { maxSteps: 1, windowTokens: 64 }
        });
        try {
            const chat = await value<ModelInfo>(services, "models.addFromPath", { path: await ensureSyntheticModel("tiny-q8_0") });
            const embed = await value<ModelInfo>(services, "models.addFromPath", { path: await ensureSyntheticModel("tiny-embed") });
            await value(services, "models.load", { modelId: chat.id });
            await value(services, "settings.update", { embeddingModelId: embed.id });
            await value(services, "library.addPaths", { paths: [docs] });
            await services.library.ingest.idle();
            expect(services.library.documents().filter((document) => document.status === "indexed")).toHaveLength(6);

            const { id: chatId } = await value<{ id: string }>(services, "chats.create", { title: "Egress" });
            const done = new Promise<void>((resolve) => {
                const stop = services.events.subscribe((message) => {
                    if (message.event === "chat.done" && message.payload.chatId === chatId) {
                        stop();
                        resolve();
                    }
                });
            });
            await value(services, "chats.send", { chatId, text: "What colour is the harbour in winter?", mode: "library" });
            await done;

            await value(services, "training.start", { budgetMinutes: 1 });
            const until = Date.now() + 170_000;
            let training = "preparing";
            while (Date.now() < until && ["preparing", "training", "saving"].includes(training)) {
                await new Promise((resolve) => setTimeout(resolve, 200));
                training = (await value<{ state: string } | null>(services, "training.status"))?.state ?? "none";
            }
            expect(training).toBe("done");
            await value(services, "setup.hardware", { refresh: true });
            await value(services, "app.info");
        } finally {
            await services.dispose();
        }
        expect(outbound(readEgress(log))).toEqual([]);
    }, 300_000);
});
