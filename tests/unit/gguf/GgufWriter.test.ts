import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { readGgufFileInfo } from "node-llama-cpp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TensorSizeMismatchError } from "../../../src-main/models/gguf/TensorSizeMismatchError.js";
import { GgufWriter } from "../../../src-main/models/gguf/GgufWriter.js";
import { GgmlType, GgufValueType } from "../../../src-main/models/gguf/ggufTypes.js";
import { ggufValue as v } from "../../../src-main/models/gguf/ggufValue.js";
import { readGgufFile } from "../../support/gguf/readGgufFile.js";
import { readGgufTensorData } from "../../support/gguf/readGgufTensorData.js";

let dir = "";
beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "locus-gguf-writer-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Yields `length` bytes counting up from `start`, in chunks of `chunkSize`. */
function countingBytes(length: number, start: number, chunkSize = 7) {
    return function* () {
        for (let done = 0; done < length; done += chunkSize)
            yield Uint8Array.from({ length: Math.min(chunkSize, length - done) }, (_, i) => (start + done + i) & 0xff);
    };
}

function writerWithEveryValueType(): GgufWriter {
    return new GgufWriter()
        .setKv("test.u8", v.u8(255)).setKv("test.i8", v.i8(-128))
        .setKv("test.u16", v.u16(65535)).setKv("test.i16", v.i16(-32768))
        .setKv("test.u32", v.u32(4294967295)).setKv("test.i32", v.i32(-2147483648))
        .setKv("test.f32", v.f32(0.5)).setKv("test.f64", v.f64(Math.PI))
        .setKv("test.u64", v.u64(2n ** 64n - 1n)).setKv("test.i64", v.i64(-(2n ** 63n)))
        .setKv("test.bool", v.bool(true)).setKv("test.str", v.str("héllo 🦙"))
        .setKv("test.strings", v.strings(["a", "", "Ġ Ġ", "<|eot_id|>"]))
        .setKv("test.ints", v.numbers(GgufValueType.Int32, [1, -2, 3]))
        .setKv("test.floats", v.numbers(GgufValueType.Float32, [0.25, -1.5]));
}

describe("GgufWriter", () => {
    it("round-trips every metadata value type, with exact types, through our reader", async () => {
        const file = path.join(dir, "kv.gguf");
        await writerWithEveryValueType().writeFile(file);
        const header = readGgufFile(file);
        expect(header.version).toBe(3);
        expect(header.kvs.get("general.alignment")).toEqual({ type: GgufValueType.Uint32, value: 32 });
        expect(header.kvs.get("test.u64")).toEqual({ type: GgufValueType.Uint64, value: 2n ** 64n - 1n });
        expect(header.kvs.get("test.i64")).toEqual({ type: GgufValueType.Int64, value: -(2n ** 63n) });
        expect(header.kvs.get("test.f64")).toEqual({ type: GgufValueType.Float64, value: Math.PI });
        expect(header.kvs.get("test.str")).toEqual({ type: GgufValueType.String, value: "héllo 🦙" });
        expect(header.kvs.get("test.bool")).toEqual({ type: GgufValueType.Bool, value: true });
        expect(header.kvs.get("test.strings")).toEqual(
            { type: GgufValueType.Array, itemType: GgufValueType.String, items: ["a", "", "Ġ Ġ", "<|eot_id|>"] });
        expect(header.kvs.get("test.ints")).toEqual(
            { type: GgufValueType.Array, itemType: GgufValueType.Int32, items: [1, -2, 3] });
        expect(header.kvs.get("test.floats")).toEqual(
            { type: GgufValueType.Array, itemType: GgufValueType.Float32, items: [0.25, -1.5] });
        expect(header.tensors).toEqual([]);
    });

    it("writes files that node-llama-cpp's own GGUF parser reads back the same", async () => {
        const file = path.join(dir, "kv-nlc.gguf");
        await writerWithEveryValueType().writeFile(file);
        const info = await readGgufFileInfo(file, { logWarnings: false });
        const test = (info.metadata as unknown as { test: Record<string, unknown> }).test;
        expect(test).toMatchObject({
            u8: 255, i8: -128, u16: 65535, i16: -32768, u32: 4294967295, i32: -2147483648,
            f32: 0.5, bool: true, str: "héllo 🦙", strings: ["a", "", "Ġ Ġ", "<|eot_id|>"], ints: [1, -2, 3], floats: [0.25, -1.5]
        });
    });

    it("aligns every tensor to 32 bytes and streams its chunks to the offsets in the header", async () => {
        const file = path.join(dir, "tensors.gguf");
        const writer = new GgufWriter().setKv("general.architecture", v.str("llama"));
        writer.addTensor({ name: "a", dims: [3], type: GgmlType.F32, data: countingBytes(12, 0) });
        writer.addTensor({ name: "b", dims: [32, 2], type: GgmlType.Q8_0, data: countingBytes(68, 100) });
        writer.addTensor({ name: "c", dims: [64], type: GgmlType.Q4_0, data: countingBytes(36, 7) });
        writer.addTensor({ name: "d", dims: [5, 3], type: GgmlType.F16, data: countingBytes(30, 50) });
        const layout = await writer.writeFile(file);

        const header = readGgufFile(file);
        expect(header.tensors.map(({ name, offset }) => [name, offset])).toEqual([["a", 0], ["b", 32], ["c", 128], ["d", 192]]);
        expect(header.tensors[1]).toMatchObject({ dims: [32, 2], type: GgmlType.Q8_0 });
        expect(header.dataOffset % 32).toBe(0);
        expect(header.dataOffset).toBe(layout.dataOffset);
        expect(fs.statSync(file).size).toBe(header.dataOffset + 192 + 32);
        expect([...readGgufTensorData(file, header, "b")]).toEqual([...countingBytes(68, 100, 68)().next().value!]);
        expect([...readGgufTensorData(file, header, "d")]).toEqual([...countingBytes(30, 50, 30)().next().value!]);

        const info = await readGgufFileInfo(file, { logWarnings: false });
        expect(info.tensorInfo?.map(({ name, offset }) => [name, Number(offset)])).toEqual([["a", 0], ["b", 32], ["c", 128], ["d", 192]]);
    });

    it("leaves tensors without a data source as a hole of zeros and still sizes the file", async () => {
        const file = path.join(dir, "sparse.gguf");
        const layout = await new GgufWriter()
            .addTensor({ name: "big", dims: [4096, 4096], type: GgmlType.Q4_0 })
            .writeFile(file);
        expect(fs.statSync(file).size).toBe(layout.fileSize);
        expect(layout.fileSize).toBe(layout.dataOffset + 4096 * 4096 / 32 * 18);
        expect(readGgufTensorData(file, readGgufFile(file), "big").every((byte) => byte === 0)).toBe(true);
    });

    it("rejects a data source that writes more or fewer bytes than the tensor's shape needs", async () => {
        const tooShort = new GgufWriter().addTensor({ name: "t", dims: [32], type: GgmlType.Q8_0, data: countingBytes(33, 0) });
        await expect(tooShort.writeFile(path.join(dir, "short.gguf"))).rejects.toBeInstanceOf(TensorSizeMismatchError);
        const tooLong = new GgufWriter().addTensor({ name: "t", dims: [4], type: GgmlType.F32, data: countingBytes(20, 0) });
        await expect(tooLong.writeFile(path.join(dir, "long.gguf"))).rejects.toThrow(/need 16/);
    });
});
