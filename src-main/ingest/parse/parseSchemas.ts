import { z } from "zod";
import { documentFormats, type ParsedDocument, type ParseLimits } from "./types.js";

export const parseLimitsSchema = z.object({
    maxBytes: z.number().int().positive(),
    maxPages: z.number().int().positive(),
    // DOCX parts are repacked into a plain zip, whose sizes, offsets and entry counts are 32/16-bit.
    maxInflatedBytes: z.number().int().positive().max(3 * 1024 ** 3),
    maxZipEntries: z.number().int().positive().max(65_535),
    maxHtmlDepth: z.number().int().positive(),
    timeoutMs: z.number().int().positive(),
    maxScannedPages: z.number().int().positive(),
    // Codes become file names of the installed language data: letters and underscores only.
    ocrLanguages: z.array(z.string().regex(/^[a-z_]{3,12}$/)).min(1).max(8),
    maxMessages: z.number().int().positive()
}) satisfies z.ZodType<ParseLimits>;

/**
 * What the parser worker reports while it works: scanned pages read by text recognition so far
 * (`ocr`), or messages of a mailbox read so far (`messages`; `page` and `pages` then count messages).
 */
export const parseProgressSchema = z.object({
    stage: z.enum(["ocr", "messages"]), page: z.number().int().nonnegative(), pages: z.number().int().positive()
});
export type ParseProgress = z.infer<typeof parseProgressSchema>;

/** What the parser worker is asked to do. */
export const parseRequestSchema = z.object({
    filePath: z.string().min(1),
    limits: parseLimitsSchema
});

export type ParseRequest = z.infer<typeof parseRequestSchema>;

const sectionsSchema = z.array(
    z.object({
        text: z.string(),
        page: z.number().int().positive().optional(),
        headingPath: z.array(z.string())
    })
);

/** Checks what comes back from the worker, which has just handled an untrusted file. */
export const parsedDocumentSchema = z.object({
    format: z.enum(documentFormats),
    title: z.string().optional(),
    sections: sectionsSchema,
    parts: z.array(z.object({
        key: z.string().min(1).max(300),
        contentHash: z.string().regex(/^[0-9a-f]{64}$/),
        sizeBytes: z.number().int().nonnegative(),
        title: z.string(),
        sender: z.string(),
        date: z.string(),
        sections: sectionsSchema
    })).optional(),
    unreadableParts: z.number().int().nonnegative().optional()
}) satisfies z.ZodType<ParsedDocument>;
