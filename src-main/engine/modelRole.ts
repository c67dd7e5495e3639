import type { GgufFileInfo } from "node-llama-cpp";

export type ModelRole = "chat" | "embedding" | "reranker";

// Architectures that are encoders: they can embed but cannot chat.
const ENCODER_ARCHITECTURES = new Set(["bert", "nomic-bert", "nomic-bert-moe", "jina-bert-v2", "jina-bert-v3", "t5encoder", "modern-bert", "neo-bert", "eurobert"]);

/**
 * What a GGUF is made for, from its header: a pooling type or an encoder architecture means an
 * embedding model; a classification head (`rank` pooling or cls.output) means a reranker; otherwise chat.
 */
export function modelRole(info: GgufFileInfo): ModelRole {
    const architecture = String(info.metadata?.general?.architecture ?? "");
    const pooling = (info.architectureMetadata as { pooling_type?: number } | undefined)?.pooling_type;
    // llama.cpp's pooling types: 0 none, 1 mean, 2 cls, 3 last, 4 rank.
    if (pooling === 4 || (info.tensorInfo ?? []).some((tensor) => tensor.name.startsWith("cls.output"))) return "reranker";
    if ((pooling != null && pooling > 0) || ENCODER_ARCHITECTURES.has(architecture)) return "embedding";
    return "chat";
}
