import fs from "node:fs/promises";

export async function pathExists(file: string): Promise<boolean> {
    return fs.access(file).then(() => true, () => false);
}
