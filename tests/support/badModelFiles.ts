import path from "node:path";
import { writeNonGgufFile } from "./gguf/hostile/writeNonGgufFile.js";
import { writeOversizedGguf } from "./gguf/hostile/writeOversizedGguf.js";
import { writeTruncatedCopy } from "./gguf/hostile/writeTruncatedCopy.js";
import { writeUnsupportedArchitectureGguf } from "./gguf/hostile/writeUnsupportedArchitectureGguf.js";

export type BadModelFiles = {
    notGguf: string;
    truncated: string;
    unsupportedArchitecture: string;
    /** A header describing a model far larger than any laptop's memory; sparse, so it costs no disk. */
    oversized: string;
};

/** The hostile model files a person might pick, with the names the error messages must mention. */
export async function writeBadModelFiles(goodModel: string, dir: string): Promise<BadModelFiles> {
    const files: BadModelFiles = {
        notGguf: path.join(dir, "notes.gguf"),
        truncated: path.join(dir, "truncated.gguf"),
        unsupportedArchitecture: path.join(dir, "alien.gguf"),
        oversized: path.join(dir, "oversized.gguf")
    };
    await writeNonGgufFile(files.notGguf);
    await writeTruncatedCopy(goodModel, files.truncated);
    await writeUnsupportedArchitectureGguf(files.unsupportedArchitecture);
    await writeOversizedGguf(files.oversized);
    return files;
}
