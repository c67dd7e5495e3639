import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { readTrainerBuildStamp, trainerAddonFileName, trainerFile, trainerFolderName } from "../../trainer/native/trainerBuildPaths.js";
import { check, type CheckResult } from "./CheckResult.js";
import type { PackTarget } from "./packTarget.js";

const run = promisify(execFile);

type Linked = { name: string; resolved: string | null };

/**
 * The native files as the installed app loads them, linked by the system's loader from the laid-out
 * folders: the trainer's run paths are relative ($ORIGIN) and each of its libraries resolves inside
 * resources/trainer; its stamp holds no absolute path; node-llama-cpp's CPU addon, better-sqlite3 and
 * sqlite-vec resolve every dependency.
 */
export async function checkNativeLinks(resourcesDir: string, target: PackTarget): Promise<CheckResult[]> {
    const results: CheckResult[] = [];
    const trainerDir = path.join(resourcesDir, trainerFolderName);
    const addon = path.join(trainerDir, trainerAddonFileName);
    const stamp = readTrainerBuildStamp(addon);
    if (!fs.existsSync(addon) || stamp === undefined) {
        results.push(check("native-links", "the trainer and its stamp are in resources/trainer", false, `${addon} or its stamp is missing: run "npm run build:trainer" before packing`));
    } else {
        const stampText = fs.readFileSync(path.join(trainerDir, "locus-trainer-build.json"), "utf8");
        const absolute = [...stampText.matchAll(/"((?:\/|[A-Za-z]:[\\/])[^"]*)"/g)].map((match) => match[1]);
        results.push(check("native-links", "the trainer's stamp holds no absolute path", absolute.length === 0,
            absolute.length === 0 ? `files named relative to the addon: ${[...stamp.libraries, stamp.cpuBackend ?? "(no patched backend)"].join(", ")}` : `absolute paths: ${absolute.join(", ")}`));
        const trainerFiles = [addon, ...stamp.libraries.map((file) => trainerFile(addon, file)), ...(stamp.cpuBackend ? [trainerFile(addon, stamp.cpuBackend)] : [])];
        const runPaths = await Promise.all(trainerFiles.map(async (file) => ({ file, paths: await runPathsOf(file) })));
        const badRunPaths = runPaths.filter(({ paths }) => paths.some((entry) => !entry.startsWith("$ORIGIN")));
        results.push(check("native-links", "the trainer's run paths are relative ($ORIGIN)", badRunPaths.length === 0,
            runPaths.map(({ file, paths }) => `${path.relative(resourcesDir, file)}: ${paths.join(":") || "(none)"}`).join("; ")));
        const shipped = new Set(stamp.libraries);
        const problems: string[] = [];
        for (const file of trainerFiles) {
            for (const { name, resolved } of await linkedLibraries(file)) {
                if (resolved === null) problems.push(`${path.relative(resourcesDir, file)} needs ${name}: not found`);
                else if (shipped.has(name) && path.dirname(fs.realpathSync(resolved)) !== fs.realpathSync(trainerDir))
                    problems.push(`${path.relative(resourcesDir, file)} loads ${name} from ${resolved}, outside resources/trainer`);
            }
        }
        results.push(check("native-links", "every library the trainer needs resolves, its own from resources/trainer", problems.length === 0,
            problems.length === 0 ? `${trainerFiles.length} files linked with ldd from the laid-out folder` : problems.join("; ")));
    }

    const unpacked = path.join(resourcesDir, "app.asar.unpacked", "node_modules");
    const runtime = [
        path.join(unpacked, "@node-llama-cpp", target.llamaPackage, "bins", target.llamaPackage, "llama-addon.node"),
        path.join(unpacked, "better-sqlite3", "build", "Release", "better_sqlite3.node"),
        path.join(unpacked, target.sqliteVecPackage, target.sqliteVecFile)
    ];
    const unresolved: string[] = [];
    for (const file of runtime) {
        if (!fs.existsSync(file)) unresolved.push(`${path.relative(resourcesDir, file)} is missing`);
        else for (const { name, resolved } of await linkedLibraries(file)) if (resolved === null) unresolved.push(`${path.relative(resourcesDir, file)} needs ${name}: not found`);
    }
    results.push(check("native-links", "node-llama-cpp's CPU addon, better-sqlite3 and sqlite-vec resolve every library they need", unresolved.length === 0,
        unresolved.length === 0 ? runtime.map((file) => path.relative(resourcesDir, file)).join(", ") : unresolved.join("; ")));
    return results;
}

/** RUNPATH and RPATH entries of an ELF file. */
async function runPathsOf(file: string): Promise<string[]> {
    const { stdout } = await run("readelf", ["-d", "-W", file]);
    return [...stdout.matchAll(/\((?:RUNPATH|RPATH)\)\s+Library r(?:un)?path: \[([^\]]*)\]/g)].flatMap((match) => match[1]!.split(":").filter((entry) => entry !== ""));
}

/** What the system's loader would load for an ELF file's dependencies (ldd), by name; null when not found. */
async function linkedLibraries(file: string): Promise<Linked[]> {
    const { stdout } = await run("ldd", [file]);
    const linked: Linked[] = [];
    for (const line of stdout.split("\n")) {
        const match = /^\s*(\S+)\s+=>\s+(not found|\S+)/.exec(line);
        if (match) linked.push({ name: match[1]!, resolved: match[2] === "not found" ? null : match[2]! });
    }
    return linked;
}
