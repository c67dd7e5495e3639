import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { TrainerUnavailableError } from "../../../src-main/trainer/errors/TrainerUnavailableError.js";
import {
    findTrainerAddon, isPackagedTrainer, readTrainerBuildStamp, trainerAddonFileName, trainerBuildStampFileName
} from "../../../src-main/trainer/native/trainerBuildPaths.js";
import { trainerProblem } from "../../../src-main/trainer/native/trainerProblem.js";

const dirs: string[] = [];
const processWithResources = process as { resourcesPath?: string };
const savedResources = processWithResources.resourcesPath;
const savedAddonEnv = process.env["LOCUS_TRAINER_ADDON"];
afterEach(() => {
    dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true }));
    processWithResources.resourcesPath = savedResources;
    if (savedAddonEnv === undefined) delete process.env["LOCUS_TRAINER_ADDON"];
    else process.env["LOCUS_TRAINER_ADDON"] = savedAddonEnv;
});

/** A trainer folder as build.ts makes it (empty files stand for the binaries). */
function trainerFolder(stamp: object, files: readonly string[]): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "locus-trainer-"));
    dirs.push(dir);
    for (const file of [trainerAddonFileName, ...files]) {
        fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        fs.writeFileSync(path.join(dir, file), "");
    }
    fs.writeFileSync(path.join(dir, trainerBuildStampFileName), JSON.stringify(stamp));
    return path.join(dir, trainerAddonFileName);
}

const stamp = {
    llamaTarget: "linux-x64", llamaCommit: "abc", sourceHash: "def",
    libraries: ["libggml-base.so", "libllama.v0.5.0.so"], cpuBackend: "cpu/libggml-cpu-locus.so"
};

describe("the relocatable trainer folder", () => {
    it("reads a stamp that names its files relative to the addon, and finds nothing missing when they are there", () => {
        const addon = trainerFolder(stamp, ["libggml-base.so", "libllama.v0.5.0.so", "cpu/libggml-cpu-locus.so"]);
        expect(readTrainerBuildStamp(addon)).toEqual(stamp);
        expect(trainerProblem(addon)).toBeUndefined();
    });

    it("refuses a stamp with an absolute or climbing path (it would not survive being installed elsewhere)", () => {
        expect(readTrainerBuildStamp(trainerFolder({ ...stamp, cpuBackend: "/work/main/.cache/cpu.so" }, []))).toBeUndefined();
        expect(readTrainerBuildStamp(trainerFolder({ ...stamp, libraries: ["../node_modules/libllama.so"] }, []))).toBeUndefined();
        // The stamp of the earlier layout recorded absolute folders: read as "not built", never trusted.
        expect(readTrainerBuildStamp(trainerFolder({ llamaLibraryDir: "/x", llamaCommit: "a", sourceHash: "b" }, []))).toBeUndefined();
    });

    it("names the file that is missing: the addon, its stamp, or a library beside it", () => {
        const addon = trainerFolder(stamp, ["libggml-base.so", "cpu/libggml-cpu-locus.so"]);
        expect(trainerProblem(addon)).toContain("libllama.v0.5.0.so");
        fs.rmSync(path.join(path.dirname(addon), trainerBuildStampFileName));
        expect(trainerProblem(addon)).toContain(trainerBuildStampFileName);
        fs.rmSync(addon);
        expect(trainerProblem(addon)).toBe(`${trainerAddonFileName} is missing`);
    });

    it("is found in the packaged app's resources/trainer before any checkout's .cache", () => {
        delete process.env["LOCUS_TRAINER_ADDON"];
        const addon = trainerFolder(stamp, []);
        const resources = fs.mkdtempSync(path.join(os.tmpdir(), "locus-resources-"));
        dirs.push(resources);
        fs.cpSync(path.dirname(addon), path.join(resources, "trainer"), { recursive: true });
        processWithResources.resourcesPath = resources;
        const found = findTrainerAddon();
        expect(found).toBe(path.join(resources, "trainer", trainerAddonFileName));
        expect(isPackagedTrainer(found)).toBe(true);
        expect(isPackagedTrainer(addon)).toBe(false);
    });
});

describe("TrainerUnavailableError", () => {
    it("tells a source checkout to build the trainer, and an installed app that the installation lacks it (no command to run)", () => {
        const checkout = new TrainerUnavailableError({ addonPath: "/src/.cache/trainer/locus_trainer.node", reason: "it has not been built" });
        expect(checkout.message).toContain("npm run build:trainer");
        const installed = new TrainerUnavailableError({ addonPath: "/opt/Locus/resources/trainer/locus_trainer.node", reason: "it is missing", packaged: true });
        expect(installed.message).not.toContain("npm");
        expect(installed.message).toMatch(/this installation of Locus.*Everything else works/s);
    });
});
