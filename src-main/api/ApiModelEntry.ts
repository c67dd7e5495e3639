/** A model as /v1/models lists it, with what Locus needs to route a request to it. */
export type ApiModelEntry = {
    /** The name clients send as `model`. */
    id: string;
    /** chat: answers chat and text completions; embedding: /v1/embeddings; library: answers from the documents with citations. */
    role: "chat" | "embedding" | "library";
    /** Whether it can answer now (the chat model loaded, the embedding model the one the library uses). */
    ready: boolean;
    /** Unix seconds, when it was added. */
    created: number;
    /** A library model of one collection (`locus-library:<name>`): it answers and searches only there. */
    collectionId?: string;
};
