import fs from "node:fs/promises";
import { ByteWriter } from "./ByteWriter.js";
import { encodeGgufValue } from "./encodeGgufValue.js";
import { TensorSizeMismatchError } from "./TensorSizeMismatchError.js";
import { alignTo, ggmlTensorBytes } from "./ggmlTensorBytes.js";
import {
    ggufDefaultAlignment, ggufMagic, GgufValueType, ggufVersion, type GgufTensorEntry, type GgufTensorInfo, type GgufValue
} from "./ggufTypes.js";

/**
 * Produces a tensor's bytes in chunks. The writer awaits each chunk's write before asking for the next,
 * so a producer may refill and yield the same buffer again: memory stays at one chunk per tensor.
 */
export type TensorDataSource = () => Iterable<Uint8Array> | AsyncIterable<Uint8Array>;

export type GgufTensorToWrite = GgufTensorInfo & {
    /** Omitted: the tensor's bytes are left as a file hole (zeros that take no disk), e.g. for oversized fakes. */
    data?: TensorDataSource
};

export type GgufLayout = {
    header: Buffer,
    /** File offset of the data section (the header padded to the alignment). */
    dataOffset: number,
    tensors: GgufTensorEntry[],
    fileSize: number
};

/** Writes GGUF v3 files: metadata, tensor infos, then tensor data streamed to disk tensor by tensor. */
export class GgufWriter {
    private readonly kvs = new Map<string, GgufValue>();
    private readonly tensors: GgufTensorToWrite[] = [];

    public constructor(public readonly alignment: number = ggufDefaultAlignment) {
        this.kvs.set("general.alignment", { type: GgufValueType.Uint32, value: alignment });
    }

    /** Sets a metadata key; keys keep the order in which they were first set. */
    public setKv(key: string, value: GgufValue): this {
        this.kvs.set(key, value);
        return this;
    }

    public addTensor(tensor: GgufTensorToWrite): this {
        this.tensors.push(tensor);
        return this;
    }

    public layout(): GgufLayout {
        const out = new ByteWriter();
        for (const char of ggufMagic) out.u8(char.charCodeAt(0));
        out.u32(ggufVersion);
        out.i64(this.tensors.length);
        out.i64(this.kvs.size);
        for (const [key, value] of this.kvs) {
            out.string(key);
            encodeGgufValue(out, value);
        }

        // each tensor starts at an aligned offset relative to the data section, as gguf.cpp checks
        const tensors: GgufTensorEntry[] = [];
        let dataSize = 0;
        for (const { name, dims, type } of this.tensors) {
            out.string(name);
            out.u32(dims.length);
            for (const dim of dims) out.i64(dim);
            out.i32(type);
            out.u64(dataSize);
            tensors.push({ name, dims, type, offset: dataSize });
            dataSize += alignTo(ggmlTensorBytes(dims, type), this.alignment);
        }
        out.zeros(alignTo(out.size, this.alignment) - out.size);
        return { header: Buffer.from(out.bytes()), dataOffset: out.size, tensors, fileSize: out.size + dataSize };
    }

    /** Writes the whole file and returns its layout; the caller renames a temp file into place if needed. */
    public async writeFile(filePath: string): Promise<GgufLayout> {
        const layout = this.layout();
        const handle = await fs.open(filePath, "w");
        try {
            await handle.write(layout.header, 0, layout.header.length, 0);
            for (const [index, tensor] of this.tensors.entries()) {
                const entry = layout.tensors[index];
                if (entry == null || tensor.data == null) continue;
                await writeTensorData(handle, tensor, layout.dataOffset + entry.offset);
            }
            // sets the final size, turning padding and omitted tensors into holes
            await handle.truncate(layout.fileSize);
            await handle.sync();
        } finally {
            await handle.close();
        }
        return layout;
    }
}

async function writeTensorData(handle: fs.FileHandle, tensor: GgufTensorToWrite, position: number): Promise<void> {
    const expected = ggmlTensorBytes(tensor.dims, tensor.type);
    let written = 0;
    for await (const chunk of tensor.data?.() ?? []) {
        if (written + chunk.length > expected) throw new TensorSizeMismatchError(tensor.name, expected, written + chunk.length);
        await handle.write(chunk, 0, chunk.length, position + written);
        written += chunk.length;
    }
    if (written !== expected) throw new TensorSizeMismatchError(tensor.name, expected, written);
}
