import type { z } from "zod";
import { CheckpointInvalidError } from "./CheckpointInvalidError.js";
import { readCheckpointText } from "./readCheckpointText.js";

/**
 * Reads and validates one JSON file of the checkpoint. A missing file is named with its path and what it
 * is for; a field that breaks the schema is named with its path inside the file.
 */
export async function readCheckpointJson<T extends z.ZodType>(filePath: string, purpose: string, schema: T): Promise<z.output<T>> {
    const text = await readCheckpointText(filePath, purpose);
    let json: unknown;
    try {
        json = JSON.parse(text);
    } catch (error) {
        throw new CheckpointInvalidError(filePath, `it is not valid JSON (${(error as Error).message})`);
    }
    const parsed = schema.safeParse(json);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    const field = issue == null || issue.path.length === 0 ? "the file" : `field "${issue.path.map(String).join(".")}"`;
    throw new CheckpointInvalidError(filePath, `${field} ${issue?.message ?? "does not match what a BERT checkpoint holds"}`);
}
