import { z } from "zod";
import { attachmentLimits, samplingLimits, type SamplingField } from "./chatTypes.js";

/** A number in a sampling field's allowed range; a value outside it is refused with the range named. */
function limited(field: SamplingField) {
    const { min, max, integer } = samplingLimits[field];
    const range = `must be ${integer ? "a whole number " : ""}between ${min} and ${max}`;
    const base = integer ? z.number({ error: range }).int({ error: range }) : z.number({ error: range });
    return base.min(min, { error: range }).max(max, { error: range });
}

/** Sampling settings as the renderer may send them: each field optional, each in its range, nothing else. */
export const samplingSchema = z.strictObject({
    temperature: limited("temperature").optional(),
    topP: limited("topP").optional(),
    topK: limited("topK").optional(),
    minP: limited("minP").optional(),
    repeatPenalty: limited("repeatPenalty").optional(),
    maxTokens: limited("maxTokens").optional(),
    seed: limited("seed").nullable().optional()
});

/** A system prompt: may be long, never empty once trimmed (an empty prompt is "use the default", sent as null). */
export const systemPromptSchema = z.string().trim().min(1, { error: "must not be empty (send null to use the default)" }).max(20_000);

/** A file name as the person's file has it: no folders, no control characters. */
export const attachmentNameSchema = z.string().min(1).max(255)
    .refine((name) => !/[\\/]/.test(name) && !/\p{Cc}/u.test(name) && name !== "." && name !== "..", { error: "must be a plain file name" });

/** A piece of an attached file, base64; at most `attachmentLimits.chunkBytes` bytes once decoded. */
export const attachmentChunkSchema = z.string().max(Math.ceil(attachmentLimits.chunkBytes / 3) * 4).regex(/^[A-Za-z0-9+/]*={0,2}$/, "must be base64");
