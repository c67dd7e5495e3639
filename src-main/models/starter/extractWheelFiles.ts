import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { Transform } from "node:stream";
import yauzl, { type Entry, type ZipFile } from "yauzl";

export type WheelFile = { from: string; toPath: string };

/**
 * Copies the named entries out of a wheel (a zip) to their paths, each written to a temporary file and
 * renamed into place; returns each written path's SHA-256. An entry missing from the wheel is an error.
 */
export async function extractWheelFiles(wheelPath: string, files: readonly WheelFile[]): Promise<Map<string, string>> {
    const wanted = new Map(files.map((file) => [file.from, file.toPath]));
    const hashes = new Map<string, string>();
    const zip = await new Promise<ZipFile>((resolve, reject) =>
        yauzl.open(wheelPath, { lazyEntries: true }, (error, opened) => (error ? reject(error) : resolve(opened))));
    try {
        await new Promise<void>((resolve, reject) => {
            zip.on("error", reject);
            zip.on("end", resolve);
            zip.on("entry", (entry: Entry) => {
                const toPath = wanted.get(entry.fileName);
                if (toPath == null) return zip.readEntry();
                copyEntry(zip, entry, toPath).then((sha256) => {
                    hashes.set(toPath, sha256);
                    zip.readEntry();
                }, reject);
            });
            zip.readEntry();
        });
    } finally {
        zip.close();
    }
    const missing = files.filter((file) => !hashes.has(file.toPath)).map((file) => file.from);
    if (missing.length > 0) throw new Error(`the wheel ${path.basename(wheelPath)} has no ${missing.join(", ")}`);
    return hashes;
}

async function copyEntry(zip: ZipFile, entry: Entry, toPath: string): Promise<string> {
    await fs.promises.mkdir(path.dirname(toPath), { recursive: true });
    const temp = `${toPath}.partial-${process.pid}`;
    const hash = createHash("sha256");
    const hashing = new Transform({
        transform(chunk: Buffer, _encoding, done) {
            hash.update(chunk);
            done(null, chunk);
        }
    });
    const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
        zip.openReadStream(entry, (error, opened) => (error ? reject(error) : resolve(opened))));
    try {
        await pipeline(stream, hashing, fs.createWriteStream(temp));
        await fs.promises.rename(temp, toPath);
    } catch (error) {
        await fs.promises.rm(temp, { force: true });
        throw error;
    }
    return hash.digest("hex");
}
