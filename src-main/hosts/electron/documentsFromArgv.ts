import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The documents a launch asks Locus to open ("Open with Locus" on Windows and Linux puts them on the
 * command line, as paths or file:// URLs): existing files and folders only, never switches. `skip` is the
 * number of leading arguments that are not documents (the executable, and the app folder in development).
 * `cwd` resolves relative paths: a second instance passes its own working directory.
 */
export function documentsFromArgv(argv: readonly string[], skip: number, cwd: string = process.cwd()): string[] {
    const documents: string[] = [];
    for (const arg of argv.slice(skip)) {
        if (arg.startsWith("-")) continue;
        const file = toPath(arg, cwd);
        if (file !== undefined && exists(file) && !documents.includes(file)) documents.push(file);
    }
    return documents;
}

function toPath(arg: string, cwd: string): string | undefined {
    if (arg.startsWith("file://")) {
        try {
            return fileURLToPath(arg);
        } catch {
            return undefined;
        }
    }
    return /^[a-z][a-z0-9+.-]+:\/\//i.test(arg) ? undefined : path.resolve(cwd, arg);
}

function exists(file: string): boolean {
    try {
        const stat = fs.statSync(file);
        return stat.isFile() || stat.isDirectory();
    } catch {
        return false;
    }
}
