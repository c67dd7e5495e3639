import type { ChatGenerator, TextEmbedder } from "../generation/types.js";
import type { ApiModelEntry } from "./ApiModelEntry.js";
import type { LibraryAnswers } from "./library/LibraryAnswers.js";
import type { LibrarySearch } from "./library/LibrarySearch.js";

/** What the API's endpoints use: the models to list, and the engine parts that answer. */
export type ApiDeps = {
    models(): ApiModelEntry[];
    /** The chat model in use (this computer's engine, or the remote one). */
    chat(): ChatGenerator;
    /** The library's embedding model; null when none is chosen. */
    embedder(): Promise<TextEmbedder | null>;
    /**
     * Absent where there is no document library (the `locus-library` models and search are then not offered).
     * A scope limits answers and search to collections (the `locus-library:<collection>` models and stores).
     */
    library?: { answers: LibraryAnswers; search: LibrarySearch };
};

/** The `locus-library` model's name, and the id of the library's vector store. */
export const LIBRARY_MODEL = "locus-library";
