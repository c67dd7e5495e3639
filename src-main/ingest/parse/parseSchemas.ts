import { z } from "zod";
import type { ParsedDocument, ParseLimits } from "./types.js";

export const parseLimitsSchema = z.object({
    maxBytes: z.number().int().positive(),
    maxPages: z.number().int().positive(),
    // DOCX parts are repacked into a plain zip, whose sizes, offsets and entry counts are 32/16-bit.
    maxInflatedBytes: z.number().int().positive().max(3 * 1024 ** 3),
    maxZipEntries: z.number().int().positive().max(65_535),
    maxHtmlDepth: z.number().int().positive(),
    timeoutMs: z.number().int().positive()
}) satisfies z.ZodType<ParseLimits>;

/** What the parser worker is asked to do. */
export const parseRequestSchema = z.object({
    filePath: z.string().min(1),
    limits: parseLimitsSchema
});

export type ParseRequest = z.infer<typeof parseRequestSchema>;

/** Checks what comes back from the worker, which has just handled an untrusted file. */
export const parsedDocumentSchema = z.object({
    format: z.enum(["pdf", "docx", "markdown", "html", "text", "table"]),
    title: z.string().optional(),
    sections: z.array(
        z.object({
            text: z.string(),
            page: z.number().int().positive().optional(),
            headingPath: z.array(z.string())
        })
    )
}) satisfies z.ZodType<ParsedDocument>;
