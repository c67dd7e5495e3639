import { createRequire } from "node:module";
import path from "node:path";

/** node-llama-cpp ships the exact llama.cpp sources of its binaries as a git bundle. */
export function llamaBundlePath(): string {
    // package.json is not in node-llama-cpp's "exports", so resolve the entry (dist/index.js) and walk up
    const entry = createRequire(import.meta.url).resolve("node-llama-cpp");
    return path.join(path.dirname(entry), "..", "llama", "gitRelease.bundle");
}
