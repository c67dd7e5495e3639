import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A fresh temporary folder for one test file's samples; `remove` deletes it. */
export async function makeTempDir(prefix: string): Promise<{ path: string; file: (name: string) => string; remove: () => Promise<void> }> {
    const path = await mkdtemp(join(tmpdir(), `locus-${prefix}-`));
    return { path, file: (name) => join(path, name), remove: () => rm(path, { recursive: true, force: true }) };
}
