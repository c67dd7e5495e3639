import fs from "node:fs/promises";

/** Copies the first `keepFraction` of a file: a download cut short, whose header may still parse. */
export async function writeTruncatedCopy(sourcePath: string, outPath: string, keepFraction = 0.5): Promise<number> {
    const keepBytes = Math.floor((await fs.stat(sourcePath)).size * keepFraction);
    const source = await fs.open(sourcePath, "r");
    const target = await fs.open(outPath, "w");
    try {
        const chunk = Buffer.allocUnsafe(1 << 22);
        for (let position = 0; position < keepBytes;) {
            const { bytesRead } = await source.read(chunk, 0, Math.min(chunk.length, keepBytes - position), position);
            if (bytesRead === 0) break;
            await target.write(chunk, 0, bytesRead, position);
            position += bytesRead;
        }
    } finally {
        await source.close();
        await target.close();
    }
    return keepBytes;
}
