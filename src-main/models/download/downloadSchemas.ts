import { z } from "zod";
import { quantSchema } from "../catalogSchema.js";

/**
 * Arguments of the download methods, ready for the IPC contract. The renderer names a catalog entry
 * and a quantization, never a URL or a path; catalog ids may contain dots ("qwen3-0.6b").
 */
export const startDownloadSchema = z.strictObject({
    catalogId: z.string().min(1).max(100).regex(/^[a-z0-9][a-z0-9.-]*$/, "must be a catalog id"),
    quant: quantSchema
});

export const downloadJobIdSchema = z.strictObject({ jobId: z.uuid() });
