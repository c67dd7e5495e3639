import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AdapterRepository } from "../../src-main/store/AdapterRepository.js";
import { openDatabase } from "../../src-main/store/openDatabase.js";
import { ensureTrainerAddon } from "../../src-main/trainer/native/build.js";
import { ensureSyntheticModel } from "../support/gguf/ensureSyntheticModel.js";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const cliPath = path.join(repoRoot, "src-main/hosts/cli/cli.ts");
let dir = "";

beforeAll(async () => {
    await ensureTrainerAddon();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "locus-train-cli-"));
    fs.mkdirSync(path.join(dir, "docs"));
    for (let i = 0; i < 6; i++) {
        const text = `Section ${String(i)}. The quick brown fox jumps over the lazy dog while the cat watches from the warm window. `.repeat(6);
        fs.writeFileSync(path.join(dir, "docs", `note-${String(i)}.txt`), text);
    }
    fs.writeFileSync(path.join(dir, "faq.jsonl"), ["Where is the cat?", "What does the fox do?"]
        .map((question, i) => JSON.stringify({ question, answer: i === 0 ? "At the warm window." : "It jumps over the lazy dog." })).join("\n"));
});
afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe("locus train", () => {
    it("indexes the files, trains with a progress line, and on Ctrl-C stops cleanly keeping the adapter, with a summary", async () => {
        const [chatModel, embeddingModel] = await Promise.all([ensureSyntheticModel("tiny-q8_0"), ensureSyntheticModel("tiny-embed")]);
        const dataDir = path.join(dir, "data");
        // Its own process group, so the interrupt below reaches the CLI and its trainer worker alike, as Ctrl-C in a terminal does.
        const child = spawn(process.execPath, [
            "--import", "tsx", cliPath, "train", "--docs", path.join(dir, "docs"), "--minutes", "1", "--activate", "--qa", path.join(dir, "faq.jsonl"),
            "--model", chatModel, "--embedding-model", embeddingModel, "--threads", "2", "--data", dataDir
        ], { cwd: repoRoot, env: { ...process.env, LOCUS_GPU: "false", TSX_TSCONFIG_PATH: "tsconfig.node.json" }, stdio: ["ignore", "pipe", "pipe"], detached: true });
        let output = "";
        let interruptedAt = 0;
        const onData = (data: Buffer): void => {
            output += data.toString();
            if (interruptedAt === 0 && /^step \d+ · loss \d+\.\d+ · val loss .* · \d+ tokens\/s · \d+:\d\d left$/m.test(output)) {
                interruptedAt = Date.now();
                process.kill(-(child.pid ?? 0), "SIGINT");
            }
        };
        child.stdout.on("data", onData);
        child.stderr.on("data", onData);
        const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));

        expect(interruptedAt, output).toBeGreaterThan(0);
        expect(code, output).toBe(0);
        expect((Date.now() - interruptedAt) / 1000).toBeLessThan(20);
        expect(output).toMatch(/Teaching .* 6 documents and 2 question-answer pairs for up to 1 minute/);
        expect(output).toContain("Stopping after the current step; the best adapter so far is kept");
        expect(output).toMatch(/Saved adapter "note-0\.txt and 5 more, .*" \(stopped early, \d+:\d\d\)\./);
        expect(output).toMatch(/loss on (held-out documents|the training text): \d+\.\d{3} → \d+\.\d{3}/);
        expect(output).toMatch(/trained on [\d,]+ tokens in \d+ steps?, from 6 documents and 2 question-answer pairs/);
        expect(output).toContain("Active: the app's chat uses it");

        const db = openDatabase(path.join(dataDir, "locus.sqlite"));
        try {
            const adapters = new AdapterRepository(db).list();
            expect(adapters).toHaveLength(1);
            expect(adapters[0]).toMatchObject({ active: true, scale: 1, baseModelName: expect.stringMatching(/synthetic/) });
            expect(adapters[0]?.steps).toBeGreaterThan(0);
            expect(fs.statSync(adapters[0]?.filePath ?? "").size).toBe(adapters[0]?.sizeBytes);
        } finally {
            db.close();
        }
        // Nothing partial or left over: the adapter alone, and an empty scratch folder.
        expect(fs.readdirSync(path.join(dataDir, "adapters")).filter((name) => name !== ".runs")).toHaveLength(1);
        expect(fs.readdirSync(path.join(dataDir, "adapters", ".runs"))).toEqual([]);
    });
});
