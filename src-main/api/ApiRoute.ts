import type { SseWriter } from "./SseWriter.js";

/** A request that passed the server's checks (host, origin, token, size), with its JSON body parsed. */
export type ApiRequest = {
    /** Named path segments, e.g. `id` in `/v1/models/:id`, URL-decoded. */
    params: Readonly<Record<string, string>>;
    /** The parsed JSON body (POST), or undefined. */
    body: unknown;
    /** Aborted when the client disconnects: generation stops and the model's turn is freed. */
    signal: AbortSignal;
};

/** A JSON answer, or a stream of server-sent events. */
export type ApiReply =
    | { json: unknown; status?: number }
    | { stream: (sse: SseWriter) => Promise<void> };

export type ApiRoute = {
    method: "GET" | "POST";
    /** `/v1/models/:id`: literal segments and `:name` parameters. */
    path: string;
    handle(request: ApiRequest): Promise<ApiReply> | ApiReply;
};
