/**
 * Width and height of a PNG or JPEG from its header, read before any decoder allocates pixels: a
 * 40-byte file can claim to be 100,000 × 100,000. Undefined when the header cannot be found.
 */
export function imageDimensions(bytes: Uint8Array): { width: number; height: number } | undefined {
    const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (data.length >= 24 && data.readUInt32BE(0) === 0x89504e47 && data.toString("latin1", 12, 16) === "IHDR") {
        return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
    }
    if (data.length >= 4 && data[0] === 0xff && data[1] === 0xd8) return jpegDimensions(data);
    return undefined;
}

/** Walks the JPEG's marker segments to the frame header (SOF0-SOF15, except DHT, JPG and DAC). */
function jpegDimensions(data: Buffer): { width: number; height: number } | undefined {
    let offset = 2;
    while (offset + 9 < data.length) {
        if (data[offset] !== 0xff) return undefined;
        const marker = data[offset + 1]!;
        if (marker === 0xff) {
            offset++;
            continue;
        }
        const length = data.readUInt16BE(offset + 2);
        if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
            return { height: data.readUInt16BE(offset + 5), width: data.readUInt16BE(offset + 7) };
        }
        if (length < 2) return undefined;
        offset += 2 + length;
    }
    return undefined;
}
