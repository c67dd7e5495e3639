/** A growable little-endian byte buffer for the GGUF header (the Llama 3 tokenizer alone is ~8 MB). */
export class ByteWriter {
    private buffer = Buffer.allocUnsafe(1 << 16);
    private length = 0;

    public get size(): number {
        return this.length;
    }

    public u8(value: number): void {
        this.reserve(1).writeUInt8(value, this.length);
        this.length += 1;
    }

    public i8(value: number): void {
        this.reserve(1).writeInt8(value, this.length);
        this.length += 1;
    }

    public u16(value: number): void {
        this.reserve(2).writeUInt16LE(value, this.length);
        this.length += 2;
    }

    public i16(value: number): void {
        this.reserve(2).writeInt16LE(value, this.length);
        this.length += 2;
    }

    public u32(value: number): void {
        this.reserve(4).writeUInt32LE(value, this.length);
        this.length += 4;
    }

    public i32(value: number): void {
        this.reserve(4).writeInt32LE(value, this.length);
        this.length += 4;
    }

    public f32(value: number): void {
        this.reserve(4).writeFloatLE(value, this.length);
        this.length += 4;
    }

    public f64(value: number): void {
        this.reserve(8).writeDoubleLE(value, this.length);
        this.length += 8;
    }

    public u64(value: bigint | number): void {
        this.reserve(8).writeBigUInt64LE(BigInt(value), this.length);
        this.length += 8;
    }

    public i64(value: bigint | number): void {
        this.reserve(8).writeBigInt64LE(BigInt(value), this.length);
        this.length += 8;
    }

    /** GGUF string: u64 byte length, then UTF-8 bytes without a terminator. */
    public string(value: string): void {
        const byteLength = Buffer.byteLength(value, "utf8");
        this.u64(byteLength);
        this.reserve(byteLength).write(value, this.length, "utf8");
        this.length += byteLength;
    }

    public zeros(count: number): void {
        this.reserve(count).fill(0, this.length, this.length + count);
        this.length += count;
    }

    /** A view of the bytes written so far (valid until the next write). */
    public bytes(): Buffer {
        return this.buffer.subarray(0, this.length);
    }

    private reserve(count: number): Buffer {
        if (this.length + count > this.buffer.length) {
            const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + count));
            this.buffer.copy(grown, 0, 0, this.length);
            this.buffer = grown;
        }
        return this.buffer;
    }
}
