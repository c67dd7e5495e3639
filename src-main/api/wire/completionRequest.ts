import { z } from "zod";
import { samplingFields } from "./samplingFields.js";

export const completionRequestSchema = z.object({
    model: z.string().min(1).max(256),
    prompt: z.union([z.string(), z.array(z.string()).length(1, "Locus completes one prompt per request")]),
    ...samplingFields,
    echo: z.boolean().nullish(),
    suffix: z.null().optional(),
    logprobs: z.null({ error: "log probabilities are not available from Locus" }).optional(),
    best_of: z.literal(1, { error: "Locus generates one completion per request (best_of must be 1)" }).nullish()
});

export type CompletionRequest = z.output<typeof completionRequestSchema>;
