import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import ts from "typescript";

const here = path.dirname(fileURLToPath(import.meta.url));
/** The probe's parts, compiled to plain ES modules so that no TypeScript loader runs with the packaged app. */
const probeSources = ["electronShim", "electronResolve", "shimPreload", "runtimeProbe"];

export type ProbeReport = Record<string, unknown>;

/**
 * Starts the packaged app's main entry from the Node view of the layout (nodeView.ts) in a fresh plain
 * Node process, with a new user data folder, and returns what the probe saw (runtimeProbe.ts).
 */
export async function runPackagedApp(options: {
    viewResources: string; workDir: string; userData: string; documents: readonly string[]; scenario: "complete" | "damaged"; timeoutMs: number;
}): Promise<ProbeReport> {
    const probeDir = path.join(options.workDir, "probe");
    compileProbe(probeDir);
    fs.mkdirSync(options.userData, { recursive: true });
    const env: NodeJS.ProcessEnv = {
        ...process.env,
        LOCUS_SHIM_RESOURCES: options.viewResources,
        LOCUS_SHIM_USER_DATA: options.userData,
        LOCUS_SHIM_ELECTRON: pathToFileURL(path.join(probeDir, "electronShim.mjs")).href,
        LOCUS_SHIM_PRELOAD: pathToFileURL(path.join(probeDir, "shimPreload.mjs")).href,
        LOCUS_PROBE_DOCUMENTS: JSON.stringify(options.documents),
        LOCUS_PROBE_SCENARIO: options.scenario,
        LOCUS_SHIM_ELECTRON_VERSION: (createRequire(import.meta.url)("electron/package.json") as { version: string }).version
    };
    delete env["LOCUS_SHIM_PROCESS_TYPE"];
    // As installed: no overrides from the developer's environment point the app at a checkout's files.
    for (const key of ["LOCUS_DATA_DIR", "LOCUS_TRAINER_ADDON", "LOCUS_STARTER_DIR", "LOCUS_MODEL"]) delete env[key];
    const child = spawn(process.execPath, ["--import", env["LOCUS_SHIM_PRELOAD"]!, path.join(probeDir, "runtimeProbe.mjs")], {
        cwd: options.workDir, env, stdio: ["ignore", "pipe", "pipe"]
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString("utf8")).slice(-6000)));
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs);
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    clearTimeout(timer);
    const line = stdout.split("\n").find((text) => text.startsWith("PROBE_RESULT "));
    if (line === undefined) {
        throw new Error(`The packaged app (${options.scenario}) did not finish (exit ${String(code)}).\n--- its stderr ---\n${stderr}`);
    }
    return { ...(JSON.parse(line.slice("PROBE_RESULT ".length)) as ProbeReport), stderrTail: stderr.slice(-1500) };
}

function compileProbe(probeDir: string): void {
    fs.mkdirSync(probeDir, { recursive: true });
    for (const name of probeSources) {
        const source = fs.readFileSync(path.join(here, `${name}.ts`), "utf8");
        const { outputText } = ts.transpileModule(source, {
            compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false }
        });
        // Imports between the probe's own files name .mjs (the compiled names).
        fs.writeFileSync(path.join(probeDir, `${name}.mjs`), outputText.replace(/(\.\/\w+)\.js(["'])/g, "$1.mjs$2"));
    }
}
