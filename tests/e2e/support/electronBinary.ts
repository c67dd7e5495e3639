import fs from "node:fs";
import { createRequire } from "node:module";

/** The Electron executable if it was downloaded, else null (CI and machines without the binary). */
export function electronBinary(): string | null {
    try {
        const binary = createRequire(import.meta.url)("electron") as unknown;
        return typeof binary === "string" && fs.existsSync(binary) ? binary : null;
    } catch {
        return null;
    }
}
