import fs from "node:fs/promises";
import path from "node:path";
import { runCommand } from "../../../tests/support/llamaCpp/runCommand.js";

/** node-llama-cpp's name for this platform's package of CPU binaries ("linux-x64"); the trainer builds on Linux. */
export function llamaTarget(): string {
    return `${process.platform}-${process.arch}`;
}

/**
 * The libraries from node-llama-cpp's folder that `binary` needs, directly or through each other (file
 * names, sorted): the ones to copy beside the addon. Read from the ELF NEEDED entries with readelf.
 */
export async function linkedLlamaLibraries(binary: string, llamaLibraryDir: string): Promise<string[]> {
    const available = new Set(await fs.readdir(llamaLibraryDir));
    const found = new Set<string>();
    const pending = [binary];
    for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
        for (const name of await neededLibraries(file)) {
            if (!available.has(name) || found.has(name)) continue;
            found.add(name);
            pending.push(path.join(llamaLibraryDir, name));
        }
    }
    return [...found].sort();
}

/** The NEEDED entries of an ELF file's dynamic section. */
export async function neededLibraries(file: string): Promise<string[]> {
    const output = await runCommand("readelf", ["-d", "-W", file]);
    return [...output.matchAll(/\(NEEDED\)\s+Shared library: \[([^\]]+)\]/g)].map((match) => match[1]!);
}
