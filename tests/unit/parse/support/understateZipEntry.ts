/**
 * Rewrites the uncompressed size an entry declares (local header and central directory) to a small
 * number, as a hostile zip would: a reader that trusts declared sizes is then fooled.
 */
export function understateZipEntry(zip: Buffer, entryName: string, declaredSize: number): Buffer {
    const patched = Buffer.from(zip);
    const name = Buffer.from(entryName, "utf8");
    let patchedHeaders = 0;
    for (let offset = 0; offset < patched.length - 46; offset++) {
        const signature = patched.readUInt32LE(offset);
        if (signature === 0x04034b50 && nameAt(patched, offset + 26, offset + 30).equals(name)) {
            patched.writeUInt32LE(declaredSize, offset + 22);
            patchedHeaders++;
        } else if (signature === 0x02014b50 && nameAt(patched, offset + 28, offset + 46).equals(name)) {
            patched.writeUInt32LE(declaredSize, offset + 24);
            patchedHeaders++;
        }
    }
    if (patchedHeaders !== 2) throw new Error(`expected 2 headers for ${entryName}, patched ${String(patchedHeaders)}`);
    return patched;
}

function nameAt(zip: Buffer, lengthOffset: number, nameOffset: number): Buffer {
    return zip.subarray(nameOffset, nameOffset + zip.readUInt16LE(lengthOffset));
}
