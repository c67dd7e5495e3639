import fs from "node:fs";
import { GgufFormatError } from "../../../src-main/models/gguf/GgufFormatError.js";

/** Sequential little-endian reads from a file through a sliding window, so large headers never load whole. */
export class FileByteReader {
    private window = Buffer.alloc(0);
    private windowStart = 0;
    public position = 0;

    public constructor(private readonly fd: number, private readonly fileSize: number, private readonly filePath: string) {}

    public u8(): number { return this.take(1).readUInt8(0); }
    public i8(): number { return this.take(1).readInt8(0); }
    public u16(): number { return this.take(2).readUInt16LE(0); }
    public i16(): number { return this.take(2).readInt16LE(0); }
    public u32(): number { return this.take(4).readUInt32LE(0); }
    public i32(): number { return this.take(4).readInt32LE(0); }
    public f32(): number { return this.take(4).readFloatLE(0); }
    public f64(): number { return this.take(8).readDoubleLE(0); }
    public u64(): bigint { return this.take(8).readBigUInt64LE(0); }
    public i64(): bigint { return this.take(8).readBigInt64LE(0); }

    /** A u64 that must fit a JS number safely (lengths, counts, offsets). */
    public u64Number(): number {
        const value = this.u64();
        if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new GgufFormatError(`value ${value} is too large`, this.filePath);
        return Number(value);
    }

    public string(): string {
        const length = this.u64Number();
        return this.take(length).toString("utf8");
    }

    public bytes(length: number): Buffer {
        return Buffer.from(this.take(length));
    }

    private take(length: number): Buffer {
        if (this.position + length > this.fileSize)
            throw new GgufFormatError(`unexpected end of file at byte ${this.position} (wanted ${length} more)`, this.filePath);
        const offset = this.position - this.windowStart;
        if (offset < 0 || offset + length > this.window.length) this.refill(length);
        const start = this.position - this.windowStart;
        this.position += length;
        return this.window.subarray(start, start + length);
    }

    private refill(minLength: number): void {
        const size = Math.min(Math.max(minLength, 1 << 20), this.fileSize - this.position);
        this.window = Buffer.allocUnsafe(size);
        const read = fs.readSync(this.fd, this.window, 0, size, this.position);
        this.window = this.window.subarray(0, read);
        this.windowStart = this.position;
    }
}
