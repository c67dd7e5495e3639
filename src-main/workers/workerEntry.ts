import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** The file to start for a worker, and the Node flags it needs. */
export interface WorkerEntry {
    modulePath: string;
    execArgv: string[];
}

/**
 * Finds the entry file of the worker `name` (e.g. "parserWorker") for the module at `callerUrl`
 * (pass `import.meta.url`). From TypeScript sources (vitest, tsx) the entry is the `.ts` file next to
 * the caller, loaded through tsx; from the electron-vite build it is the built `out/main/<name>.js`.
 */
export function workerEntry(callerUrl: string, name: string): WorkerEntry {
    const callerPath = fileURLToPath(callerUrl);
    if (callerPath.endsWith(".ts")) {
        return { modulePath: join(dirname(callerPath), `${name}.ts`), execArgv: ["--import", tsxLoader(callerUrl)] };
    }
    return { modulePath: join(builtMainDir(callerPath), `${name}.js`), execArgv: [] };
}

/** The caller may sit in a shared chunk (out/main/chunks/x.js); worker entries sit in out/main. */
function builtMainDir(callerPath: string): string {
    const match = /^(.*[\\/]out[\\/]main)(?:[\\/]|$)/.exec(dirname(callerPath));
    return match?.[1] ?? dirname(callerPath);
}

/** An absolute URL for tsx, so the child finds it whatever its working directory. */
function tsxLoader(callerUrl: string): string {
    try {
        return pathToFileURL(createRequire(callerUrl).resolve("tsx")).href;
    } catch {
        return "tsx";
    }
}
