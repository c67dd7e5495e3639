import fs from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";
import asar from "@electron/asar";
import { type ArchiveEntry, archiveEntries } from "./archiveEntries.js";
import { check, type CheckResult } from "./CheckResult.js";
import { isNativeContent, isNativeFileName } from "./nativeFile.js";
import type { PackTarget } from "./packTarget.js";
import { ocrLanguageChoices } from "../../common/contract/settingsTypes.js";

/** The app's own files the packaged app loads at run time (from the production build). */
const appFiles = [
    "package.json", "out/main/index.js", "out/main/parserWorker.js", "out/main/trainerWorker.js", "out/preload/index.cjs", "out/renderer/index.html",
    // pdf.js as the parser loads it: the legacy build, its worker, and the data it reads by path.
    "node_modules/pdfjs-dist/legacy/build/pdf.mjs", "node_modules/pdfjs-dist/legacy/build/pdf.worker.mjs"
];
const appFolders = ["node_modules/pdfjs-dist/cmaps", "node_modules/pdfjs-dist/standard_fonts"];

/**
 * The archive as electron-builder wrote it: no native code left inside (native code cannot be loaded from
 * an archive), every file the app loads present, every package its built code imports present, the native
 * parts outside the archive and on disk, and no other platform's binaries.
 */
export function checkArchive(resourcesDir: string, target: PackTarget): CheckResult[] {
    const archive = path.join(resourcesDir, "app.asar");
    const unpackedDir = `${archive}.unpacked`;
    const entries = archiveEntries(archive);
    const byPath = new Map(entries.map((entry) => [entry.path, entry]));
    const packed = entries.filter((entry) => entry.kind === "file" && !entry.unpacked);
    const results: CheckResult[] = [];

    const nativeInside = packed.filter((entry) => isNativeFileName(entry.path) || isNativeContent(head(archive, entry)));
    results.push(check("archive", "no native file inside app.asar", nativeInside.length === 0,
        nativeInside.length === 0 ? `${packed.length} files in the archive, none native` : `native files inside the archive: ${nativeInside.map((e) => e.path).join(", ")}`));

    const missingApp = appFiles.filter((file) => byPath.get(file)?.kind !== "file");
    const emptyFolders = appFolders.filter((folder) => !entries.some((entry) => entry.path.startsWith(`${folder}/`)));
    results.push(check("archive", "the app's runtime files are in the archive", missingApp.length === 0 && emptyFolders.length === 0,
        missingApp.length + emptyFolders.length === 0 ? `${appFiles.length} files and ${appFolders.length} data folders present` : `missing: ${[...missingApp, ...emptyFolders].join(", ")}`));

    const packageJson = JSON.parse(asar.extractFile(archive, "package.json").toString("utf8")) as { main?: string; productName?: string };
    results.push(check("archive", "package.json starts the Electron main and names the user data folder Locus",
        packageJson.main === "out/main/index.js" && packageJson.productName === "Locus", `main ${packageJson.main ?? "(none)"}, productName ${packageJson.productName ?? "(none)"}`));

    const imports = importedPackages(archive, entries);
    const missingPackages = imports.filter((name) => byPath.get(`node_modules/${name}/package.json`) === undefined);
    results.push(check("archive", "every package the built main process and workers import is packaged", missingPackages.length === 0,
        missingPackages.length === 0 ? `${imports.length} packages: ${imports.join(", ")}` : `not packaged: ${missingPackages.join(", ")}`));

    const llamaDir = `node_modules/@node-llama-cpp/${target.llamaPackage}/bins/${target.llamaPackage}`;
    const natives = [
        "node_modules/better-sqlite3/build/Release/better_sqlite3.node",
        `node_modules/${target.sqliteVecPackage}/${target.sqliteVecFile}`,
        `${llamaDir}/llama-addon.node`,
        ...entries.filter((entry) => entry.path.startsWith(`${llamaDir}/`) && isNativeFileName(entry.path)).map((entry) => entry.path)
    ];
    const notOutside = [...new Set(natives)].filter((file) => byPath.get(file)?.unpacked !== true || !fs.existsSync(path.join(unpackedDir, file)));
    results.push(check("archive", "native parts are unpacked beside the archive and on disk", notOutside.length === 0,
        notOutside.length === 0 ? `${new Set(natives).size} files in app.asar.unpacked (better-sqlite3, ${target.sqliteVecPackage}, node-llama-cpp ${target.llamaPackage})` : `not unpacked or not on disk: ${notOutside.join(", ")}`));

    // Text recognition: tesseract.js's worker script and WebAssembly core load in a worker thread, from disk;
    // the language data is read with fs (from the archive); pdf.js draws scanned pages with @napi-rs/canvas.
    const ocrOnDisk = [
        "node_modules/tesseract.js/src/worker-script/node/index.js",
        ...entries.filter((entry) => /^node_modules\/tesseract\.js-core\/tesseract-core.*\.wasm$/.test(entry.path)).map((entry) => entry.path),
        ...entries.filter((entry) => /^node_modules\/@napi-rs\/canvas-[^/]+\/[^/]+\.node$/.test(entry.path)).map((entry) => entry.path)
    ];
    const ocrData = ocrLanguageChoices.map(({ code }) => `node_modules/@tesseract.js-data/${code}/4.0.0_best_int/${code}.traineddata.gz`);
    const ocrMissing = [
        ...ocrOnDisk.filter((file) => byPath.get(file)?.unpacked !== true || !fs.existsSync(path.join(unpackedDir, file))),
        ...ocrData.filter((file) => byPath.get(file)?.kind !== "file"),
        ...(ocrOnDisk.some((file) => file.endsWith(".wasm")) ? [] : ["tesseract.js-core's .wasm files"]),
        ...(ocrOnDisk.some((file) => file.endsWith(".node")) ? [] : ["@napi-rs/canvas's native addon"])
    ];
    results.push(check("archive", "text recognition's worker, WebAssembly core, canvas and language data are shipped", ocrMissing.length === 0,
        ocrMissing.length === 0 ? `${ocrOnDisk.length} files unpacked; languages: ${ocrLanguageChoices.map(({ code }) => code).join(", ")}` : `missing or not unpacked: ${ocrMissing.join(", ")}`));

    const keptLlama = new Set([target.llamaPackage, `${target.os}-${target.arch}-vulkan`]);
    const otherPlatforms = [...new Set(entries.map((entry) => /^node_modules\/(@node-llama-cpp\/[^/]+|sqlite-vec-[^/]+)\//.exec(entry.path)?.[1]).filter((name) => name !== undefined))]
        .filter((name) => name.startsWith("@node-llama-cpp/") ? !keptLlama.has(name.slice("@node-llama-cpp/".length)) : name !== target.sqliteVecPackage);
    results.push(check("archive", "only the target platform's native packages are shipped", otherPlatforms.length === 0,
        otherPlatforms.length === 0 ? `kept: ${[...keptLlama].map((name) => `@node-llama-cpp/${name}`).join(", ")}, ${target.sqliteVecPackage}` : `other platforms' packages: ${otherPlatforms.join(", ")}`));
    return results;
}

/** The first bytes of a packed file (enough for the PE header's offset). */
function head(archive: string, entry: ArchiveEntry): Buffer {
    if (entry.size === 0) return Buffer.alloc(0);
    return asar.extractFile(archive, entry.path).subarray(0, 512);
}

/** Bare specifiers imported by the built main process and workers: the packages they need at run time. */
function importedPackages(archive: string, entries: readonly ArchiveEntry[]): string[] {
    const names = new Set<string>();
    for (const entry of entries.filter((e) => e.path.startsWith("out/main/") && e.path.endsWith(".js"))) {
        const code = asar.extractFile(archive, entry.path).toString("utf8");
        const statements = code.matchAll(/^\s*(?:import|export)\s+(?:[\w*{}\s,$]+\s+from\s+)?["']([^"'./][^"']*)["']/gm);
        const dynamic = code.matchAll(/\bimport\(\s*["']([^"'./][^"']*)["']\s*\)/g);
        for (const match of [...statements, ...dynamic]) {
            const specifier = match[1]!;
            if (specifier.startsWith("node:") || specifier === "electron" || builtinModules.includes(specifier.split("/")[0]!)) continue;
            names.add(specifier.startsWith("@") ? specifier.split("/").slice(0, 2).join("/") : specifier.split("/")[0]!);
        }
    }
    return [...names].sort();
}
