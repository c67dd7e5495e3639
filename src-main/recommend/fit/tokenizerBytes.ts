import type { GgufFileInfo } from "node-llama-cpp";

/**
 * Memory a loaded model's tokenizer takes, which node-llama-cpp's estimate leaves out: llama.cpp's
 * vocabulary (token strings and maps, BPE merge ranks) and node-llama-cpp's copy of the GGUF metadata
 * in JavaScript. Least squares over the resident memory that loading each of ten tokenizers bundled
 * with llama.cpp (models/ggml-vocab-*.gguf, 30k to 262k tokens) added, within 15 MB of each:
 * e.g. Llama 3's 128k tokens and 280k merges take 207 MB, Gemma's 262k tokens and 515k merges 364 MB.
 */
export function tokenizerBytes(info: GgufFileInfo): number {
    const tokenizer = info.metadata?.tokenizer?.ggml;
    const tokens = tokenizer?.tokens?.length ?? 0;
    const merges = tokenizer?.merges?.length ?? 0;
    return 17_000_000 + 234 * tokens + 556 * merges;
}
