import type { AnswerModel } from "../answer/Answerer.js";

/** A tool call the model made (or made earlier in the conversation): `arguments` is JSON text. */
export type ToolCall = { id: string; name: string; arguments: string };

/** A function the model may call; `parameters` is a JSON schema. */
export type ToolSpec = { name: string; description?: string; parameters?: Record<string, unknown> };

/** A conversation turn, independent of any wire format or engine. */
export type GenerationMessage =
    | { role: "system"; text: string }
    | { role: "user"; text: string }
    | { role: "assistant"; text: string; toolCalls?: readonly ToolCall[] }
    | { role: "tool"; toolCallId: string; text: string };

/** How tokens are picked; unset fields take the engine's defaults. */
export type Sampling = {
    temperature?: number;
    topP?: number;
    topK?: number;
    /** Tokens less likely than this share of the likeliest one are never picked. */
    minP?: number;
    seed?: number;
    /** llama.cpp's multiplicative repeat penalty (1 = off). */
    repeatPenalty?: number;
    frequencyPenalty?: number;
    presencePenalty?: number;
};

/** Constrains the output: any JSON object, or JSON matching a schema. */
export type OutputFormat = { type: "json" } | { type: "json_schema"; schema: Record<string, unknown> };

export type GenerationRequest = {
    messages: readonly GenerationMessage[];
    sampling?: Sampling;
    maxTokens?: number;
    stop?: readonly string[];
    format?: OutputFormat;
    tools?: readonly ToolSpec[];
    signal?: AbortSignal;
    /** Each piece of the answer as it is generated. */
    onText?: (text: string) => void;
    /** Each piece of a thinking model's reasoning, when the engine keeps it apart from the answer. */
    onThinking?: (text: string) => void;
};

/** Why generation ended, in OpenAI's words ("aborted": the caller stopped it). */
export type FinishReason = "stop" | "length" | "tool_calls" | "aborted";

export type GenerationResult = {
    text: string;
    toolCalls: ToolCall[];
    finish: FinishReason;
    promptTokens: number;
    completionTokens: number;
};

export type CompletionRequest = Omit<GenerationRequest, "messages" | "tools"> & { prompt: string };

/**
 * Something that writes answers: the engine on this computer, or an OpenAI-compatible server. The API, the
 * library model and (for a remote engine) the app's chat all generate through it.
 */
export interface ChatGenerator {
    /** The name the model answers under (file name, or the remote model's name). */
    readonly modelName: string;
    /** Where it runs, for messages. */
    readonly where: "local" | "remote";
    generate(request: GenerationRequest): Promise<GenerationResult>;
    /** Plain text continuation of a prompt, without a chat template. */
    complete(request: CompletionRequest): Promise<GenerationResult>;
    /** What the Answerer must know of the model to pack sources into its context. */
    answerModel(): AnswerModel;
}

/** Turns texts into vectors: the library's embedding model, here or on a server. */
export interface TextEmbedder {
    readonly modelName: string;
    embed(texts: readonly string[], signal?: AbortSignal): Promise<{ vectors: Float32Array[]; tokens: number }>;
}
