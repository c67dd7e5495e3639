import { migrations } from "../../store/migrations/index.js";
import { check, type CheckResult } from "./CheckResult.js";
import type { ProbeReport } from "./runPackagedApp.js";

type MissingPart = { part: string; problem: string; disables: string; fix: string };
type Document = { name: string; status: string; chunks: number; reason: string | null };
type Training = { started: boolean; steps?: number; state?: string | null; error?: string | null; kind?: string; message?: string };

const latestSchema = Math.max(...migrations.map((migration) => migration.version));

/** The complete installation, run from its layout under plain Node: everything works, nothing is missing. */
export function judgeCompleteRun(report: ProbeReport, starterNames: readonly string[]): CheckResult[] {
    const missing = (report["missingParts"] ?? []) as MissingPart[];
    const models = (report["models"] ?? []) as string[];
    const documents = (report["documents"] ?? []) as Document[];
    const training = report["training"] as Training | undefined;
    return [
        check("run", "the packaged main process starts its services from the layout", report["host"] === "electron",
            `services ready after ${String(report["servicesStartedMs"])} ms; single-instance lock requested: ${String(report["singleInstanceLockRequested"])}`),
        check("run", "first launch: database created in the user data folder and migrated; the wizard opens",
            report["databaseFile"] === true && report["schemaVersion"] === latestSchema && report["firstLaunchShowsWizard"] === true,
            `database file ${String(report["databaseFile"])}, schema ${String(report["schemaVersion"])} of ${latestSchema}, setup not done yet: ${String(report["firstLaunchShowsWizard"])}`),
        check("run", "a complete installation reports no missing part", missing.length === 0,
            missing.length === 0 ? "app.info.missingParts is empty" : missing.map((part) => part.problem).join(" | ")),
        check("run", "the starter models in resources are offered and the embedding model chosen",
            starterNames.every((name) => models.includes(name)) && report["embeddingModelChosen"] === true, `models: ${models.join(", ")}`),
        check("run", "documents parse in the worker, embed with the starter model and are stored with sqlite-vec",
            documents.length > 0 && documents.every((doc) => doc.status === "indexed" && doc.chunks > 0),
            documents.map((doc) => `${doc.name}: ${doc.status}, ${doc.chunks} chunks${doc.reason ? ` (${doc.reason})` : ""}`).join("; ") + ` (after ${String(report["indexedMs"])} ms)`),
        check("run", "the trainer loads from resources/trainer in its worker and trains a step",
            training?.started === true && (training.steps ?? 0) >= 1 && training.state !== "failed",
            training?.started === true
                ? `${String(training.steps)} step(s), ended ${String(training.state)}${training.error ? `: ${training.error}` : ""}`
                : `not started: ${training?.message ?? "no report"}`)
    ];
}

/**
 * The same installation with its trainer addon and sqlite-vec's extension deleted: it starts, names both
 * parts and what they disable, chats still work, and documents and Personalize fail with those reasons.
 */
export function judgeDamagedRun(report: ProbeReport): CheckResult[] {
    const missing = (report["missingParts"] ?? []) as MissingPart[];
    const documents = (report["documents"] ?? []) as Document[];
    const training = report["training"] as Training | undefined;
    const named = (part: string): MissingPart | undefined => missing.find((entry) => entry.part === part);
    return [
        check("damaged", "damaged installation: the app starts and names each missing part with what it disables",
            report["host"] === "electron" && named("trainer")?.disables.includes("Personalize") === true && named("vector-search") !== undefined,
            missing.map((part) => `${part.part}: ${part.problem} Not available: ${part.disables} ${part.fix}`).join(" | ") || "nothing reported"),
        check("damaged", "damaged installation: everything else keeps working; indexing waits, saying why, and loses nothing",
            report["chat"] === true && documents.length > 0 && documents.every((doc) => doc.status === "queued") &&
                String(report["indexingBlockedBy"] ?? "").includes("vector search extension is missing"),
            `chat created: ${String(report["chat"])}; documents ${documents.map((doc) => `${doc.name}: ${doc.status}`).join(", ")}; ` +
                `indexing blocked: ${String(report["indexingBlockedBy"])}`),
        check("damaged", "damaged installation: Personalize says the installation lacks the trainer",
            training?.started === false && training.kind === "unsupported" && (training.message ?? "").includes("installation"),
            training?.started === false ? `${String(training.kind)}: ${String(training.message)}` : "training started without its addon")
    ];
}
