import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/**
 * The Electron executable if it is installed, else null (CI and machines without the binary).
 * Reads the package's path.txt instead of `require("electron")`, which would try to download it.
 */
export function electronBinary(): string | null {
    try {
        const packageDir = path.dirname(createRequire(import.meta.url).resolve("electron/package.json"));
        const relative = fs.readFileSync(path.join(packageDir, "path.txt"), "utf8").trim();
        const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(packageDir, "dist");
        const binary = path.join(dist, relative);
        return fs.existsSync(binary) ? binary : null;
    } catch {
        return null;
    }
}
