/** Token counts in OpenAI's shape. */
export type WireUsage = { prompt_tokens: number; completion_tokens: number; total_tokens: number };

export function usageOf(result: { promptTokens: number; completionTokens: number }): WireUsage {
    return { prompt_tokens: result.promptTokens, completion_tokens: result.completionTokens, total_tokens: result.promptTokens + result.completionTokens };
}
