import { z } from "zod";

/** What one run of the app under test is told to do (written by the harness as JSON, read by soakChildEntry.ts). */
export const soakChildConfigSchema = z.strictObject({
    dataDir: z.string(),
    chatModel: z.string(),
    embedModel: z.string(),
    hubEndpoint: z.string(),
    /** The catalog whose files the harness's fake hub serves (parsed by the catalog schema in the child). */
    catalog: z.unknown(),
    /** catalog ids to download, one after the other across runs. */
    downloads: z.array(z.string()),
    batches: z.array(z.string()),
    editable: z.array(z.string()),
    /** Which run this is (0 first): picks the batch to add and seeds the run's choices. */
    life: z.number().int().min(0),
    seed: z.number().int(),
    /** "work": start every workload and run until killed; "settle": start nothing new, finish what is under way, then quit. */
    mode: z.enum(["work", "settle"]),
    training: z.boolean(),
    /** Some runs ask the Advisor to measure the library. */
    advisor: z.boolean(),
    threads: z.number().int().min(1)
});
export type SoakChildConfig = z.infer<typeof soakChildConfigSchema>;

/** One line the child prints on stdout (JSON), as things happen. */
export type SoakChildLine =
    | { t: "ready"; servicesMs: number }
    /** The models are registered and chosen: the workloads are starting. */
    | { t: "working" }
    | { t: "answer"; messageId: string; state: "started" | "ended"; chars: number }
    | { t: "embedding"; document: string; done: number; reused: number }
    | { t: "training"; state: string; step: number }
    | { t: "advisor"; runId: string; state: string; progress: number; phase: string }
    | { t: "download"; jobId: string; catalogId: string; state: string; bytesDone: number }
    | { t: "problem"; workload: string; message: string }
    | { t: "settled"; seconds: number };
