import type { Llama, LlamaGrammar } from "node-llama-cpp";
import { InvalidInputError } from "@common/errors.js";
import type { OutputFormat } from "./types.js";

/**
 * The grammar that holds the model to a format: llama.cpp's JSON grammar, or one node-llama-cpp builds from
 * a JSON schema. A schema it cannot turn into a grammar is the client's to fix (InvalidInputError, 400).
 */
export async function grammarFor(llama: Llama, format: OutputFormat): Promise<LlamaGrammar> {
    if (format.type === "json") return llama.getGrammarFor("json");
    try {
        // The schema is the client's, checked by node-llama-cpp as it builds the grammar; its static type cannot be known.
        const createGrammar = llama.createGrammarForJsonSchema.bind(llama) as (schema: unknown) => Promise<LlamaGrammar>;
        return await createGrammar(format.schema);
    } catch (error) {
        throw new InvalidInputError(
            `The JSON schema in response_format cannot be enforced (${error instanceof Error ? error.message : String(error)}). ` +
            "Use types, properties, required, enum, const, items, anyOf and $defs/$ref."
        );
    }
}
