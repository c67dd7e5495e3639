import fs from "node:fs";
import { FileByteReader } from "./FileByteReader.js";
import { GgufFormatError } from "../../../src-main/models/gguf/GgufFormatError.js";
import { alignTo } from "../../../src-main/models/gguf/ggmlTensorBytes.js";
import {
    ggufDefaultAlignment, ggufMagic, GgufValueType, type GgmlType, type GgufItemType, type GgufTensorEntry, type GgufValue
} from "../../../src-main/models/gguf/ggufTypes.js";

export type GgufFileHeader = {
    version: number,
    kvs: Map<string, GgufValue>,
    tensors: GgufTensorEntry[],
    alignment: number,
    /** File offset of the data section; tensor offsets are relative to it. */
    dataOffset: number,
    fileSize: number
};

/**
 * Reads a GGUF file's metadata (with exact value types, which node-llama-cpp's reader flattens to JS
 * values) and tensor infos. Tensor data is not read.
 */
export function readGgufFile(filePath: string): GgufFileHeader {
    const fd = fs.openSync(filePath, "r");
    try {
        const reader = new FileByteReader(fd, fs.fstatSync(fd).size, filePath);
        const magic = reader.bytes(4).toString("latin1");
        if (magic !== ggufMagic) throw new GgufFormatError(`not a GGUF file (magic ${JSON.stringify(magic)})`, filePath);
        const version = reader.u32();
        if (version !== 2 && version !== 3) throw new GgufFormatError(`unsupported GGUF version ${version}`, filePath);
        const tensorCount = reader.u64Number();
        const kvCount = reader.u64Number();

        const kvs = new Map<string, GgufValue>();
        for (let i = 0; i < kvCount; i++) {
            const key = reader.string();
            kvs.set(key, readValue(reader, reader.u32()));
        }
        const tensors: GgufTensorEntry[] = [];
        for (let i = 0; i < tensorCount; i++) {
            const name = reader.string();
            const dims = Array.from({ length: reader.u32() }, () => Number(reader.i64()));
            const type = reader.i32() as GgmlType;
            tensors.push({ name, dims, type, offset: reader.u64Number() });
        }
        const alignmentValue = kvs.get("general.alignment");
        const alignment = alignmentValue?.type === GgufValueType.Uint32 ? alignmentValue.value : ggufDefaultAlignment;
        const dataOffset = tensorCount > 0 ? alignTo(reader.position, alignment) : reader.position;
        return { version, kvs, tensors, alignment, dataOffset, fileSize: fs.fstatSync(fd).size };
    } finally {
        fs.closeSync(fd);
    }
}

function readValue(reader: FileByteReader, type: number): GgufValue {
    if (type !== GgufValueType.Array) return { type, value: readItem(reader, type) } as GgufValue;
    const itemType = reader.u32();
    if (itemType === GgufValueType.Array) throw new GgufFormatError("nested GGUF arrays are not supported by this reader");
    const count = reader.u64Number();
    const items = Array.from({ length: count }, () => readItem(reader, itemType));
    return { type: GgufValueType.Array, itemType, items } as GgufValue;
}

function readItem(reader: FileByteReader, type: number): number | bigint | boolean | string {
    switch (type as GgufItemType) {
        case GgufValueType.Uint8: return reader.u8();
        case GgufValueType.Int8: return reader.i8();
        case GgufValueType.Uint16: return reader.u16();
        case GgufValueType.Int16: return reader.i16();
        case GgufValueType.Uint32: return reader.u32();
        case GgufValueType.Int32: return reader.i32();
        case GgufValueType.Float32: return reader.f32();
        case GgufValueType.Float64: return reader.f64();
        case GgufValueType.Uint64: return reader.u64();
        case GgufValueType.Int64: return reader.i64();
        case GgufValueType.Bool: return reader.u8() !== 0;
        case GgufValueType.String: return reader.string();
        default: throw new GgufFormatError(`unknown GGUF value type ${type}`);
    }
}
