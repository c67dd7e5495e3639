import fs from "node:fs/promises";
import { CheckpointFileMissingError } from "./CheckpointFileMissingError.js";
import { CheckpointInvalidError } from "./CheckpointInvalidError.js";

/** A checkpoint text file, or CheckpointFileMissingError (with its path and purpose) when it is not there. */
export async function readCheckpointText(filePath: string, purpose: string): Promise<string> {
    try {
        return await fs.readFile(filePath, "utf8");
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new CheckpointFileMissingError(filePath, purpose);
        throw new CheckpointInvalidError(filePath, `it cannot be read (${(error as Error).message})`);
    }
}
