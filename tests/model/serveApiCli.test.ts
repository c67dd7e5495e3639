import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import OpenAI from "openai";
import { afterAll, describe, expect, it } from "vitest";
import { ensureSyntheticModel } from "../support/gguf/ensureSyntheticModel.js";
import { repoRoot } from "../support/llamaCpp/repoPaths.js";

const cliPath = path.join(repoRoot, "src-main", "hosts", "cli", "cli.ts");
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "locus-serve-api-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe("locus serve-api", () => {
    it("serves the model on 127.0.0.1 with the printed key until Ctrl-C, then exits cleanly", async () => {
        const model = await ensureSyntheticModel("tiny-q8_0");
        const port = 21000 + (process.pid % 20000);
        const child = spawn(process.execPath, ["--import", "tsx", cliPath, "serve-api", "--model", model, "--port", String(port), "--threads", "2", "--data", dataDir], {
            cwd: repoRoot, env: { ...process.env, LOCUS_GPU: "false", TSX_TSCONFIG_PATH: "tsconfig.node.json" }, stdio: ["ignore", "pipe", "pipe"]
        });
        let output = "";
        const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
        const ready = new Promise<{ url: string; key: string }>((resolve, reject) => {
            const onData = (data: Buffer) => {
                output += data.toString();
                const url = /API is at (\S+)/.exec(output)?.[1];
                const key = /API key: (\S+)/.exec(output)?.[1];
                if (url && key) resolve({ url, key });
            };
            child.stdout.on("data", onData);
            child.stderr.on("data", onData);
            void exited.then(() => reject(new Error(`serve-api exited early:\n${output}`)));
        });
        try {
            const { url, key } = await ready;
            expect(url).toBe(`http://127.0.0.1:${port}/v1`);
            const client = new OpenAI({ apiKey: key, baseURL: url, maxRetries: 0 });
            const name = path.basename(model, ".gguf");
            expect((await client.models.list()).data).toEqual(expect.arrayContaining([expect.objectContaining({ id: name, ready: true })]));
            const completion = await client.chat.completions.create({ model: name, messages: [{ role: "user", content: "Hi" }], max_tokens: 4 });
            expect(completion.usage?.completion_tokens).toBe(4);
        } finally {
            child.kill("SIGINT");
        }
        expect(await exited, output).toBe(0);
    });
});
