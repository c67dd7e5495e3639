import OpenAI from "openai";
import { RemoteEngineError } from "./RemoteEngineError.js";

const SWITCH_BACK = "You can switch back to this computer in Settings → Engine.";

/** What went wrong talking to the server, in words a person can act on. */
export function toRemoteError(error: unknown, server: string, timedOutAfterSeconds: number | null): RemoteEngineError {
    // Our deadline aborting the request shows up as whatever the client made of the abort: the silence is the news.
    if (timedOutAfterSeconds != null)
        return new RemoteEngineError(`The server at ${server} did not answer for ${timedOutAfterSeconds} s, so Locus stopped waiting. It may be overloaded or stuck. ${SWITCH_BACK}`);
    if (error instanceof RemoteEngineError) return error;
    if (error instanceof OpenAI.APIConnectionTimeoutError)
        return new RemoteEngineError(`The server at ${server} took too long to answer. ${SWITCH_BACK}`);
    if (error instanceof OpenAI.APIConnectionError)
        return new RemoteEngineError(`Locus cannot reach the server at ${server} (${connectionCause(error)}). Check that it is running and the address is right. ${SWITCH_BACK}`);
    if (error instanceof OpenAI.AuthenticationError || error instanceof OpenAI.PermissionDeniedError)
        return new RemoteEngineError(`The server at ${server} refused the API key (${error.status}). Enter the right key in Settings → Engine. ${SWITCH_BACK}`);
    if (error instanceof OpenAI.NotFoundError)
        return new RemoteEngineError(`The server at ${server} says: ${serverMessage(error)}. Check the address (it usually ends in /v1) and the model name. ${SWITCH_BACK}`);
    if (error instanceof OpenAI.RateLimitError)
        return new RemoteEngineError(`The server at ${server} is busy (429): ${serverMessage(error)}. Try again in a moment. ${SWITCH_BACK}`);
    if (error instanceof OpenAI.APIError && error.status != null)
        return new RemoteEngineError(`The server at ${server} refused the request (${error.status}): ${serverMessage(error)}. ${SWITCH_BACK}`);
    if (isConnectionLoss(error))
        return new RemoteEngineError(`The server at ${server} stopped in the middle of the answer (the connection closed). ${SWITCH_BACK}`);
    const detail = error instanceof Error ? error.message : String(error);
    return new RemoteEngineError(`The server at ${server} sent an answer Locus cannot read (${detail.slice(0, 200)}). Is it an OpenAI-compatible server? ${SWITCH_BACK}`);
}

function serverMessage(error: InstanceType<typeof OpenAI.APIError>): string {
    const body = error.error as { message?: unknown } | undefined;
    const message = typeof body?.message === "string" ? body.message : error.message;
    return message.replace(/\s+/g, " ").slice(0, 300);
}

function connectionCause(error: InstanceType<typeof OpenAI.APIConnectionError>): string {
    const cause = (error.cause as { cause?: { code?: unknown }; code?: unknown } | undefined);
    const code = cause?.cause?.code ?? cause?.code;
    if (code === "ECONNREFUSED") return "nothing is listening there";
    if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "the name does not resolve";
    if (code === "ECONNRESET" || code === "UND_ERR_SOCKET") return "the connection was cut";
    if (typeof code === "string" && /CERT|SSL|TLS/i.test(code)) return `its certificate was refused: ${code}`;
    return typeof code === "string" ? code : "connection failed";
}

/** A stream cut off by the server (undici reports "terminated", the socket "other side closed"). */
function isConnectionLoss(error: unknown): boolean {
    const text = (value: unknown) => (value instanceof Error ? `${value.message} ${(value as { code?: string }).code ?? ""}` : "");
    const all = `${text(error)} ${text((error as { cause?: unknown } | null)?.cause)}`;
    return /terminated|other side closed|ECONNRESET|socket hang up|UND_ERR_SOCKET/i.test(all);
}
