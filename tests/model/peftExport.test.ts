import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SafetensorsFile } from "../../src-main/models/convert/bert/SafetensorsFile.js";
import { runExportAdapter } from "../../src-main/hosts/cli/runExportAdapter.js";
import { exportPeftAdapter } from "../../src-main/personalize/export/exportPeftAdapter.js";
import { AdapterRepository } from "../../src-main/store/AdapterRepository.js";
import { ModelRepository } from "../../src-main/store/ModelRepository.js";
import { openDatabase } from "../../src-main/store/openDatabase.js";
import { ensureSyntheticModel } from "../support/gguf/ensureSyntheticModel.js";
import { tinyShape } from "../support/gguf/llamaShapes.js";
import { writeTestLoraAdapter } from "../support/gguf/writeTestLoraAdapter.js";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "locus-peft-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/**
 * llama.cpp's converter (convert_hf_to_gguf.py, LlamaModel.permute) as written there, on rows: what the
 * export must undo. Written independently of unpermuteRows: `reshape(n_head, 2, d/2, cols).swapaxes(1, 2)`.
 */
function llamaCppPermute(rows: Float32Array, rowCount: number, rowLength: number, heads: number): Float32Array {
    const half = rowCount / heads / 2;
    const out = new Float32Array(rows.length);
    let target = 0;
    for (let h = 0; h < heads; h++)
        for (let i = 0; i < half; i++)
            for (let p = 0; p < 2; p++) {
                const source = (h * 2 * half + p * half + i) * rowLength;
                out.set(rows.subarray(source, source + rowLength), target);
                target += rowLength;
            }
    return out;
}

describe("PEFT export of an adapter", () => {
    it("writes adapter_config.json and adapter_model.safetensors with PEFT's names, shapes, rank, alpha and values", async () => {
        const basePath = await ensureSyntheticModel("tiny-q8_0");
        const adapterPath = path.join(dir, "adapter.gguf");
        const written = await writeTestLoraAdapter(basePath, adapterPath, { targets: ["attn_q", "attn_k", "attn_v", "ffn_down"], rank: 4, alpha: 8, amplitude: 0.5, seed: "peft" });
        const outDir = path.join(dir, "peft");
        const result = await exportPeftAdapter({ adapterPath, baseModelPath: basePath, outDir, baseModelName: "meta-llama/Llama-3.2-1B-Instruct" });
        expect(result).toMatchObject({ rank: 4, alpha: 8, targetModules: ["down_proj", "k_proj", "q_proj", "v_proj"], layers: [0, 1], tensorCount: 16 });
        expect(fs.readdirSync(outDir).sort()).toEqual(["adapter_config.json", "adapter_model.safetensors"]);

        const config = JSON.parse(fs.readFileSync(path.join(outDir, "adapter_config.json"), "utf8")) as Record<string, unknown>;
        expect(config).toMatchObject({
            peft_type: "LORA", task_type: "CAUSAL_LM", r: 4, lora_alpha: 8, bias: "none", fan_in_fan_out: false, use_rslora: false, use_dora: false,
            target_modules: ["down_proj", "k_proj", "q_proj", "v_proj"], base_model_name_or_path: "meta-llama/Llama-3.2-1B-Instruct", layers_to_transform: [0, 1]
        });

        const file = await SafetensorsFile.open(path.join(outDir, "adapter_model.safetensors"));
        try {
            const n = tinyShape.embeddingLength;
            const kvSize = (n / tinyShape.headCount) * tinyShape.headCountKv;
            const expectShapes: Record<string, [number, number, number, number]> = {
                "self_attn.q_proj": [4, n, n, 4], "self_attn.k_proj": [4, n, kvSize, 4], "self_attn.v_proj": [4, n, kvSize, 4], "mlp.down_proj": [4, tinyShape.feedForwardLength, n, 4]
            };
            expect(file.entries.size).toBe(16);
            for (const layer of [0, 1])
                for (const [module, [ar, ain, bout, br]] of Object.entries(expectShapes)) {
                    const prefix = `base_model.model.model.layers.${layer}.${module}`;
                    expect(file.entries.get(`${prefix}.lora_A.weight`)).toMatchObject({ dtype: "F32", shape: [ar, ain] });
                    expect(file.entries.get(`${prefix}.lora_B.weight`)).toMatchObject({ dtype: "F32", shape: [bout, br] });
                }
            const tensor = async (name: string) => Float32Array.from(await file.readFloat32(name));
            const gguf = (name: string) => written.get(name)!.values;
            // A as GGUF wrote it ([in, r], in fastest = PyTorch's [r, in]); B of V and FFN too.
            expect(await tensor("base_model.model.model.layers.1.self_attn.q_proj.lora_A.weight")).toEqual(gguf("blk.1.attn_q.weight.lora_a"));
            expect(await tensor("base_model.model.model.layers.0.self_attn.v_proj.lora_B.weight")).toEqual(gguf("blk.0.attn_v.weight.lora_b"));
            expect(await tensor("base_model.model.model.layers.1.mlp.down_proj.lora_B.weight")).toEqual(gguf("blk.1.ffn_down.weight.lora_b"));
            // Q and K: converting the export back the way llama.cpp converts a Hugging Face adapter gives the GGUF rows again.
            const qB = await tensor("base_model.model.model.layers.0.self_attn.q_proj.lora_B.weight");
            expect(qB).not.toEqual(gguf("blk.0.attn_q.weight.lora_b"));
            expect(llamaCppPermute(qB, n, 4, tinyShape.headCount)).toEqual(gguf("blk.0.attn_q.weight.lora_b"));
            const kB = await tensor("base_model.model.model.layers.1.self_attn.k_proj.lora_B.weight");
            expect(llamaCppPermute(kB, kvSize, 4, tinyShape.headCountKv)).toEqual(gguf("blk.1.attn_k.weight.lora_b"));
        } finally {
            await file.close();
        }
    });

    it("refuses an existing folder, a model file that is not an adapter, and leaves nothing half-written", async () => {
        const basePath = await ensureSyntheticModel("tiny-q8_0");
        const existing = path.join(dir, "exists");
        fs.mkdirSync(existing);
        await expect(exportPeftAdapter({ adapterPath: basePath, baseModelPath: basePath, outDir: existing, baseModelName: "x" })).rejects.toThrow(/already exists/);
        await expect(exportPeftAdapter({ adapterPath: basePath, baseModelPath: basePath, outDir: path.join(dir, "not-adapter"), baseModelName: "x" })).rejects.toThrow(/is not a LoRA adapter/);
        expect(fs.readdirSync(dir).filter((name) => name.includes("partial"))).toEqual([]);
    });

    it("locus export-adapter finds the adapter by name in the registry and exports it onto its base model", async () => {
        const basePath = await ensureSyntheticModel("tiny-q8_0");
        const adapterPath = path.join(dir, "registered.gguf");
        await writeTestLoraAdapter(basePath, adapterPath, { targets: ["attn_q", "attn_v"], rank: 8, alpha: 16, amplitude: 0.1, seed: "cli" });
        const db = openDatabase(path.join(dir, "locus.sqlite"));
        const lines: string[] = [];
        try {
            const base = new ModelRepository(db).add({
                path: basePath, fileName: path.basename(basePath), displayName: "Tiny", architecture: "llama", sizeBytes: fs.statSync(basePath).size, role: "chat"
            });
            new AdapterRepository(db).add({
                name: "Handbook", filePath: adapterPath, baseModelId: base.id, baseModelName: "Tiny", baseModelFingerprint: "f", documents: [],
                budgetMinutes: 1, steps: 1, tokensTrained: 1, lossBefore: null, lossAfter: null, lossOn: "training", sizeBytes: fs.statSync(adapterPath).size
            });
            const outDir = path.join(dir, "handbook-peft");
            const code = await runExportAdapter(db, { adapter: "handbook", outDir, baseModelName: "org/tiny" },
                { out: (line) => lines.push(line), err: (line) => lines.push(line), stream: process.stdout });
            expect(code, lines.join("\n")).toBe(0);
            expect(lines[0]).toBe(`Exported "Handbook" to ${outDir} (PEFT LoRA: rank 8, alpha 16, q_proj, v_proj on 2 layers).`);
            expect(JSON.parse(fs.readFileSync(path.join(outDir, "adapter_config.json"), "utf8"))).toMatchObject({ r: 8, lora_alpha: 16, base_model_name_or_path: "org/tiny" });
            await expect(runExportAdapter(db, { adapter: "nope", outDir: path.join(dir, "x") }, { out: () => undefined, err: () => undefined, stream: process.stdout }))
                .rejects.toThrow(/No adapter "nope". Adapters: "Handbook"/);
        } finally {
            db.close();
        }
    });
});
