import fs from "node:fs/promises";

export type VocabTestCase = { text: string, tokens: number[] };

/**
 * Reads llama.cpp's tokenizer test pairs (models/ggml-vocab-*.gguf.inp/.out) the way its
 * tests/test-tokenizer-0.cpp does: inputs split by a separator line, one line of token ids per input.
 */
export async function readVocabTestCases(vocabFilePath: string): Promise<VocabTestCase[]> {
    const input = await fs.readFile(`${vocabFilePath}.inp`, "utf8");
    const output = await fs.readFile(`${vocabFilePath}.out`, "utf8");
    const separator = "\n__ggml_vocab_test__\n";
    const texts: string[] = [];
    for (let position = 0; position < input.length;) {
        const next = input.indexOf(separator, position);
        texts.push(input.slice(position, next === -1 ? undefined : next));
        if (next === -1) break;
        position = next + separator.length;
    }
    const lines = output.split("\n");
    if (lines.at(-1) === "") lines.pop();
    return texts.map((text, index) => ({
        text,
        tokens: (lines[index] ?? "").trim().split(" ").filter((id) => id !== "").map(Number)
    }));
}
