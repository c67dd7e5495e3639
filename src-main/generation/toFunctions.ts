import type { ChatModelFunctions, GbnfJsonSchema } from "node-llama-cpp";
import type { ToolSpec } from "./types.js";

/** Tools as node-llama-cpp functions, which its chat wrapper describes to the model in the model's own syntax. */
export function toFunctions(tools: readonly ToolSpec[]): ChatModelFunctions {
    const functions: Record<string, { description?: string; params?: GbnfJsonSchema }> = {};
    for (const tool of tools)
        functions[tool.name] = {
            ...(tool.description ? { description: tool.description } : {}),
            ...(tool.parameters && Object.keys(tool.parameters).length > 0 ? { params: tool.parameters as GbnfJsonSchema } : {})
        };
    return functions;
}
