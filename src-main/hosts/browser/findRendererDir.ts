import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The built renderer: beside the built host (out/main -> out/renderer), or out/renderer from the sources. */
export function findRendererDir(moduleUrl: string): string {
    const here = path.dirname(fileURLToPath(moduleUrl));
    const candidates = [path.resolve(here, "../renderer"), path.resolve(here, "../../../out/renderer")];
    return candidates.find((dir) => fs.existsSync(path.join(dir, "index.html"))) ?? candidates[0]!;
}
