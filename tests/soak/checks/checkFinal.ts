import { createHash } from "node:crypto";
import fs from "node:fs";
import { libraryInvariantViolations } from "../../support/invariants/libraryInvariants.js";
import { listLeftovers } from "./listLeftovers.js";
import type { DatabaseSnapshot } from "./readSnapshot.js";

/**
 * After the last restart, once the interrupted work has finished by itself and the app quit cleanly:
 * every document indexed or failed with a reason, no answer still streaming nor Advisor run measuring, every download complete and
 * its file the one the catalog's SHA-256 names (and in the model list), nothing left behind.
 */
export function checkFinal(dataDir: string, databaseFile: string, snapshot: DatabaseSnapshot | null): string[] {
    if (snapshot === null) return ["the database was never created"];
    const violations = libraryInvariantViolations(databaseFile);
    for (const document of snapshot.documents) {
        if (document.status === "failed" && (document.reason ?? "").trim() === "") violations.push(`document ${document.name} failed without a reason`);
        else if (document.status !== "indexed" && document.status !== "failed") violations.push(`document ${document.name} is stuck "${document.status}"`);
    }
    for (const [id, answer] of snapshot.answers) if (answer.status === "streaming") violations.push(`answer ${id} is still "streaming"`);
    for (const [id, state] of snapshot.advisorRuns) if (state === "running") violations.push(`Advisor run ${id} is still "running"`);
    for (const job of snapshot.downloads) {
        if (job.state !== "completed") {
            violations.push(`download ${job.id} ended "${job.state}"${job.errorMessage ? `: ${job.errorMessage}` : ""}`);
            continue;
        }
        if (job.filePath === null || !fs.existsSync(job.filePath)) violations.push(`download ${job.id} completed without its file`);
        else if (sha256(job.filePath) !== job.expectedSha256) violations.push(`download ${job.id}: the installed file's SHA-256 is not the catalog's`);
        else if (!snapshot.modelPaths.has(job.filePath) || job.modelId === null) violations.push(`download ${job.id}: the installed file is not in the model list`);
    }
    for (const leftover of listLeftovers(dataDir, snapshot)) violations.push(`${leftover.what} is left after a clean quit`);
    return violations;
}

function sha256(file: string): string {
    return createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}
