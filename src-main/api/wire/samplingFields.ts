import { z } from "zod";

/** Sampling fields shared by chat and text completions, with OpenAI's ranges. */
export const samplingFields = {
    temperature: z.number().min(0).max(2).nullish(),
    top_p: z.number().min(0).max(1).nullish(),
    seed: z.number().int().nullish(),
    frequency_penalty: z.number().min(-2).max(2).nullish(),
    presence_penalty: z.number().min(-2).max(2).nullish(),
    max_tokens: z.number().int().min(1).nullish(),
    stop: z.union([z.string().min(1), z.array(z.string().min(1)).max(4)]).nullish(),
    n: z.literal(1, { error: "Locus generates one choice per request (n must be 1)" }).nullish(),
    stream: z.boolean().nullish(),
    stream_options: z.object({ include_usage: z.boolean().optional() }).nullish(),
    user: z.string().max(256).nullish()
};

/** `stop` as a list. */
export function stopList(stop: string | string[] | null | undefined): string[] {
    return stop == null ? [] : typeof stop === "string" ? [stop] : stop;
}
