import type { LibraryDocumentInfo } from "@common/contract/libraryTypes.js";
import { ApiError } from "../ApiError.js";
import { LIBRARY_MODEL, type ApiDeps } from "../ApiDeps.js";
import type { ApiModelEntry } from "../ApiModelEntry.js";
import type { ApiRoute } from "../ApiRoute.js";
import type { LibrarySearch } from "../library/LibrarySearch.js";
import { parseRequest } from "../wire/parseRequest.js";
import { searchRequestSchema } from "../wire/searchRequest.js";

/**
 * The library as OpenAI-style vector stores: `locus-library` for all of it and `locus-library:<collection>` for
 * each collection (the same names as the library models): list, retrieve, and search, which returns passages
 * without generating, shaped like OpenAI's vector-store search results.
 */
export function vectorStoreRoutes(deps: ApiDeps): ApiRoute[] {
    const search = deps.library?.search;
    if (search == null) return [];
    const stores = () => deps.models().filter((entry) => entry.role === "library");
    const store = (id: string) => {
        const entry = stores().find((candidate) => candidate.id === id);
        if (entry == null)
            throw new ApiError(404, `No vector store "${id}". Locus's library stores: ${stores().map((candidate) => candidate.id).join(", ")}.`, "invalid_request_error", "not_found", "vector_store_id");
        return entry;
    };
    const wire = (entry: ApiModelEntry) =>
        wireStore(entry, search.documents().filter((document) => entry.collectionId == null || document.collectionId === entry.collectionId));
    return [
        {
            method: "GET", path: "/v1/vector_stores",
            handle: () => {
                const all = stores();
                return { json: { object: "list", data: all.map(wire), first_id: all[0]?.id ?? null, last_id: all.at(-1)?.id ?? null, has_more: false } };
            }
        },
        { method: "GET", path: "/v1/vector_stores/:id", handle: ({ params }) => ({ json: wire(store(params.id!)) }) },
        {
            method: "POST", path: "/v1/vector_stores/:id/search",
            handle: async ({ params, body, signal }) => {
                const entry = store(params.id!);
                const request = parseRequest(searchRequestSchema, body);
                if (request.filters != null) throw ApiError.invalid("Locus's library search takes no attribute filters.", "filters");
                const queries = typeof request.query === "string" ? [request.query] : request.query;
                const threshold = request.ranking_options?.score_threshold ?? 0;
                const scope = entry.collectionId != null ? { collectionIds: [entry.collectionId] } : undefined;
                const hits = await search.search(queries.join(" "), request.max_num_results ?? 10, signal, scope);
                return { json: searchPage(queries, hits.filter((hit) => hit.score >= threshold)) };
            }
        }
    ];
}

function searchPage(queries: string[], hits: Awaited<ReturnType<LibrarySearch["search"]>>) {
    return {
        object: "vector_store.search_results.page", search_query: queries,
        data: hits.map(({ chunk, score }) => ({
            file_id: chunk.documentId, filename: chunk.documentName, score,
            attributes: {
                chunk_id: chunk.id, page: chunk.page, heading: chunk.headingPath.join(" > "),
                char_start: chunk.charStart, char_end: chunk.charEnd
            },
            content: [{ type: "text", text: chunk.text }]
        })),
        has_more: false, next_page: null
    };
}

function wireStore(entry: ApiModelEntry, documents: LibraryDocumentInfo[]) {
    const count = (...statuses: LibraryDocumentInfo["status"][]) => documents.filter((d) => statuses.includes(d.status)).length;
    const inProgress = count("queued", "parsing", "embedding");
    const created = documents.reduce((first, d) => Math.min(first, d.updatedAt), Date.now());
    return {
        id: entry.id, object: "vector_store", name: entry.collectionId == null ? "Locus library" : entry.id.slice(LIBRARY_MODEL.length + 1),
        created_at: Math.floor(created / 1000),
        status: inProgress > 0 ? "in_progress" : "completed", usage_bytes: documents.reduce((sum, d) => sum + d.sizeBytes, 0),
        file_counts: { in_progress: inProgress, completed: count("indexed"), failed: count("failed"), cancelled: 0, total: documents.length },
        last_active_at: null, metadata: {}, expires_after: null, expires_at: null
    };
}
