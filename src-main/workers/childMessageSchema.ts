import { z } from "zod";

/**
 * The shape of every message a child may send. The child handles untrusted input (a document that
 * exploited a parser could control it), so the parent checks what comes back before acting on it.
 */
export const childMessageSchema = z.discriminatedUnion("type", [
    z.object({ type: z.literal("ready") }),
    z.object({ type: z.literal("progress"), id: z.number().int(), progress: z.unknown() }),
    z.object({ type: z.literal("result"), id: z.number().int(), result: z.unknown() }),
    z.object({
        type: z.literal("error"),
        id: z.number().int(),
        error: z.object({
            name: z.string().max(200),
            kind: z.string().max(100),
            message: z.string().max(10_000),
            details: z.record(z.string(), z.unknown()).optional()
        })
    })
]);
