// npm run pack:check [-- --keep] [-- --skip-build]
//
// Lays the app out as the installer does (electron-builder with Locus's configuration; see
// packWithElectronBuilder.ts) and proves, without the Electron binary, that the installed app works:
// no native code inside the archive, every runtime file present, only this platform's binaries, the
// trainer relocatable and fully linked; then the packaged main process runs under plain Node with the
// resources path pointed at the layout: services start, the database opens with sqlite-vec, documents
// parse in the worker and embed with the starter model, the trainer trains a step; and with the trainer
// and the extension deleted, the app starts and says what is missing. Prints one JSON summary on stdout;
// exits 1 when any check fails. Linux only.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { starterModels } from "../../models/starter/starterManifest.js";
import { starterResourceFolder, starterSourceDir } from "../starterModelResources.js";
import { checkArchive } from "./checkArchive.js";
import { check, type CheckResult } from "./CheckResult.js";
import { checkNativeLinks } from "./checkNativeLinks.js";
import { judgeCompleteRun, judgeDamagedRun } from "./judgeProbe.js";
import { makeNodeView } from "./nodeView.js";
import { currentPackTarget } from "./packTarget.js";
import { packWithElectronBuilder } from "./packWithElectronBuilder.js";
import { runPackagedApp } from "./runPackagedApp.js";
import { sampleDocuments } from "./sampleDocuments.js";

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const keep = process.argv.includes("--keep");
const started = performance.now();
const timings: Record<string, number> = {};
const lap = (name: string, since: number): number => (timings[name] = Math.round(performance.now() - since));
const results: CheckResult[] = [];
const target = currentPackTarget();
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "locus-pack-check-"));

try {
    const missingStarters = starterModels().filter((model) => !fs.existsSync(path.join(projectDir, starterSourceDir, model.model)));
    if (missingStarters.length > 0) throw new Error(`The starter models are not in ${starterSourceDir}: run "npm run models:starter" first.`);
    if (!process.argv.includes("--skip-build")) {
        const since = performance.now();
        const build = spawnSync(process.execPath, [path.join(projectDir, "node_modules", "electron-vite", "bin", "electron-vite.js"), "build"], { cwd: projectDir, encoding: "utf8" });
        if (build.status !== 0) throw new Error(`electron-vite build failed:\n${build.stderr}`);
        lap("buildMs", since);
    }

    let since = performance.now();
    const packed = await packWithElectronBuilder({ projectDir, workDir, target, flags: { starterEmbedding: true, starterChat: true, cuda: false } });
    lap("packMs", since);

    since = performance.now();
    results.push(...checkArchive(packed.resourcesDir, target));
    results.push(...(await checkNativeLinks(packed.resourcesDir, target)));
    const starters = starterModels().map((model) => path.join(packed.resourcesDir, starterResourceFolder, model.model));
    results.push(check("resources", "the starter models (build flags) are in resources/starter-models", starters.every((file) => fs.existsSync(file)),
        starters.map((file) => `${path.basename(file)}: ${fs.existsSync(file) ? "present" : "missing"}`).join(", ")));
    results.push(check("resources", "the licence is in resources", fs.existsSync(path.join(packed.resourcesDir, "LICENSE.txt")), "resources/LICENSE.txt"));
    lap("staticChecksMs", since);

    since = performance.now();
    const viewResources = makeNodeView(packed.resourcesDir, path.join(workDir, "view"));
    const documents = await sampleDocuments(path.join(workDir, "documents"));
    lap("viewMs", since);

    since = performance.now();
    const complete = await runPackagedApp({ viewResources, workDir, userData: path.join(workDir, "user-data-complete"), documents, scenario: "complete", timeoutMs: 420_000 });
    results.push(...judgeCompleteRun(complete, starterModels().map((model) => model.displayName)));
    lap("completeRunMs", since);

    // The same layout with two parts deleted, as a damaged installation would be.
    since = performance.now();
    const removed = [
        path.join(packed.resourcesDir, "trainer", "locus_trainer.node"),
        path.join(packed.resourcesDir, "app.asar.unpacked", "node_modules", target.sqliteVecPackage, target.sqliteVecFile)
    ];
    for (const file of removed) fs.renameSync(file, `${file}.removed`);
    const damaged = await runPackagedApp({ viewResources, workDir, userData: path.join(workDir, "user-data-damaged"), documents, scenario: "damaged", timeoutMs: 240_000 });
    results.push(...judgeDamagedRun(damaged));
    lap("damagedRunMs", since);
} catch (error) {
    results.push(check("pack-check", "pack:check ran to the end", false, error instanceof Error ? error.message : String(error)));
} finally {
    if (!keep) fs.rmSync(workDir, { recursive: true, force: true });
}

timings["totalMs"] = Math.round(performance.now() - started);
const ok = results.length > 0 && results.every((result) => result.ok);
for (const result of results) process.stderr.write(`${result.ok ? "ok  " : "FAIL"} ${result.name}\n     ${result.detail}\n`);
process.stderr.write(`${results.filter((result) => result.ok).length}/${results.length} checks passed in ${(timings["totalMs"] / 1000).toFixed(1)} s${keep ? `; layout kept in ${workDir}` : ""}\n`);
process.stdout.write(`${JSON.stringify({ ok, target: `${target.os}-${target.arch}`, checks: results, timings })}\n`);
process.exit(ok ? 0 : 1);
