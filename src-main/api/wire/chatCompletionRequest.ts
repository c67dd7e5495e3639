import { z } from "zod";
import { samplingFields } from "./samplingFields.js";

/** Message content: a string, or text parts (images and audio are not something Locus's models read). */
const content = z.union([
    z.string(),
    z.array(z.object({ type: z.string(), text: z.string().optional() }).transform((part, ctx) => {
        if (part.type === "text" && part.text != null) return { type: "text" as const, text: part.text };
        ctx.addIssue({
            code: "custom",
            message: part.type === "text" ? "a text part needs its text" : `content parts of type "${part.type}" are not supported; send text`
        });
        return z.NEVER;
    }))
]);

const toolCall = z.object({
    id: z.string().min(1).max(256),
    type: z.literal("function"),
    function: z.object({ name: z.string().min(1).max(256), arguments: z.string() })
});

export const chatMessageSchema = z.discriminatedUnion("role", [
    z.object({ role: z.enum(["system", "developer"]), content }),
    z.object({ role: z.literal("user"), content }),
    z.object({ role: z.literal("assistant"), content: content.nullish(), tool_calls: z.array(toolCall).nullish() }),
    z.object({ role: z.literal("tool"), content, tool_call_id: z.string().min(1).max(256) })
]);

const jsonSchemaObject = z.record(z.string(), z.unknown());

export const chatCompletionRequestSchema = z.object({
    model: z.string().min(1).max(256),
    messages: z.array(chatMessageSchema).min(1).max(10_000),
    ...samplingFields,
    max_completion_tokens: z.number().int().min(1).nullish(),
    response_format: z.discriminatedUnion("type", [
        z.object({ type: z.literal("text") }),
        z.object({ type: z.literal("json_object") }),
        z.object({
            type: z.literal("json_schema"),
            json_schema: z.object({ name: z.string().min(1).max(64), schema: jsonSchemaObject.optional(), strict: z.boolean().nullish() })
        })
    ]).nullish(),
    tools: z.array(z.object({
        type: z.literal("function"),
        function: z.object({
            name: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, "must use letters, digits, _ and -"),
            description: z.string().max(4096).optional(),
            parameters: jsonSchemaObject.optional()
        })
    })).max(128).nullish(),
    tool_choice: z.union([
        z.enum(["none", "auto"]),
        z.enum(["required"]).transform((_value, ctx) => {
            ctx.addIssue({ code: "custom", message: 'Locus cannot force a tool call; use "auto" or "none"' });
            return z.NEVER;
        }),
        z.object({ type: z.literal("function") }).transform((_value, ctx) => {
            ctx.addIssue({ code: "custom", message: 'Locus cannot force a particular tool; use "auto" or "none"' });
            return z.NEVER;
        })
    ]).nullish(),
    parallel_tool_calls: z.boolean().nullish(),
    logprobs: z.literal(false, { error: "log probabilities are not available from Locus" }).nullish()
});

export type ChatCompletionRequest = z.output<typeof chatCompletionRequestSchema>;
export type ChatMessage = z.output<typeof chatMessageSchema>;
