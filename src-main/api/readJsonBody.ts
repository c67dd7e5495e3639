import type http from "node:http";
import { ApiError } from "./ApiError.js";

/**
 * Reads a JSON request body of at most `limit` bytes. A larger body is refused as soon as it is known
 * to be too large (Content-Length, or bytes counted as they arrive) with 413, so a client cannot make
 * Locus buffer without bound; malformed JSON is a 400.
 */
export async function readJsonBody(req: http.IncomingMessage, limit: number): Promise<unknown> {
    const type = req.headers["content-type"] ?? "";
    if (!/^application\/json\b/i.test(type))
        throw new ApiError(415, "Send the request body as JSON with Content-Type: application/json.", "invalid_request_error", "unsupported_media_type");
    const declared = Number(req.headers["content-length"] ?? NaN);
    if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > limit) throw tooLarge(limit);
        chunks.push(chunk);
    }
    const text = Buffer.concat(chunks).toString("utf8");
    try {
        return JSON.parse(text) as unknown;
    } catch (error) {
        throw ApiError.invalid(`The request body is not valid JSON (${error instanceof Error ? error.message : String(error)}).`, null, "invalid_json");
    }
}

function tooLarge(limit: number): ApiError {
    return new ApiError(413, `The request body is larger than ${Math.round(limit / 1024)} KiB, the most this server accepts.`, "invalid_request_error", "request_too_large");
}
