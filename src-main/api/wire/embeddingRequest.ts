import { z } from "zod";

export const embeddingRequestSchema = z.object({
    model: z.string().min(1).max(256),
    input: z.union([
        z.string().min(1, "an empty string has no embedding"),
        z.array(z.string().min(1, "an empty string has no embedding")).min(1).max(2048)
    ]),
    encoding_format: z.enum(["float", "base64"]).nullish(),
    dimensions: z.number().int().min(1).nullish(),
    user: z.string().max(256).nullish()
});

export type EmbeddingRequest = z.output<typeof embeddingRequestSchema>;
