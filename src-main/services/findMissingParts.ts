import type { Database } from "better-sqlite3";
import type { MissingPart } from "@common/contract/types.js";
import { runningFromArchive } from "../runtime/runningFromArchive.js";
import { vectorExtensionProblem } from "../store/loadVectorExtension.js";
import { findTrainerAddon } from "../trainer/native/trainerBuildPaths.js";
import { trainerProblem } from "../trainer/native/trainerProblem.js";

export type MissingPartsInput = {
    db: Database;
    /** Why node-llama-cpp's binaries did not load at start, if they did not. */
    llamaError?: unknown;
};

/**
 * The parts of this installation that are missing, each with what it disables and what to do. An
 * installed app is repaired by reinstalling; a source checkout by the command that builds the part.
 */
export function findMissingParts({ db, llamaError }: MissingPartsInput): MissingPart[] {
    const installed = runningFromArchive();
    const parts: MissingPart[] = [];
    if (llamaError !== undefined) {
        parts.push({
            part: "llama-runtime",
            problem: `The language model runtime (node-llama-cpp's binaries for ${process.platform}-${process.arch}) did not load: ${describe(llamaError)}`,
            disables: "Chat, indexing documents, Personalize and the hardware check of the setup wizard.",
            fix: installed ? "Reinstall Locus." : 'Run "npm install" in the Locus folder.'
        });
    }
    const vectors = vectorExtensionProblem(db);
    if (vectors !== undefined) {
        parts.push({
            part: "vector-search",
            problem: `The vector search extension (sqlite-vec): ${vectors}.`,
            disables: "Indexing new documents and searching the library by meaning; keyword search over documents already indexed still works.",
            fix: installed ? "Reinstall Locus." : 'Run "npm install" in the Locus folder.'
        });
    }
    const addonPath = findTrainerAddon();
    const trainer = trainerProblem(addonPath);
    if (trainer !== undefined) {
        parts.push({
            part: "trainer",
            problem: `The on-device trainer (${addonPath}): ${trainer}.`,
            disables: "Personalize (teaching the chat model your documents).",
            fix: installed
                ? "Install a Locus build that includes the trainer (installers built on a machine without a C++ toolchain leave it out)."
                : 'Run "npm run build:trainer" in the Locus folder.'
        });
    }
    return parts;
}

function describe(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
}
