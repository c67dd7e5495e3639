/** Native code by name: Node addons and shared libraries of every platform (versioned .so files too). */
export function isNativeFileName(file: string): boolean {
    return /\.(node|dylib|dll)$/i.test(file) || /\.so(\.\d+)*$/i.test(file);
}

/** Native code by content: ELF, Mach-O (thin or universal) or a PE image. */
export function isNativeContent(head: Buffer): boolean {
    if (head.length >= 4 && head.readUInt32BE(0) === 0x7f454c46) return true;
    if (head.length >= 4 && [0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe, 0xcafebabe].includes(head.readUInt32BE(0))) return true;
    if (head.length >= 0x40 && head.toString("latin1", 0, 2) === "MZ") {
        const peOffset = head.readUInt32LE(0x3c);
        return peOffset + 4 <= head.length && head.toString("latin1", peOffset, peOffset + 4) === "PE\0\0";
    }
    return false;
}
