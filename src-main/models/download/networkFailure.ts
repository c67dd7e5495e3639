import { DownloadOfflineError } from "./errors/DownloadOfflineError.js";

const plainWords: Record<string, string> = {
    ENOTFOUND: "its name could not be looked up",
    EAI_AGAIN: "its name could not be looked up",
    ECONNREFUSED: "the connection was refused",
    ECONNRESET: "the connection was reset",
    ETIMEDOUT: "the connection timed out",
    ENETUNREACH: "the network is unreachable",
    EHOSTUNREACH: "the network is unreachable",
    UND_ERR_CONNECT_TIMEOUT: "the connection timed out",
    UND_ERR_SOCKET: "the connection was closed",
    TimeoutError: "it did not answer in time"
};

/** The first system or undici error code along an error's `cause` chain. */
export function errorCode(error: unknown): string | null {
    for (let current = error, depth = 0; current != null && depth < 5; depth++) {
        const record = current as { code?: unknown; name?: unknown; cause?: unknown };
        if (typeof record.code === "string") return record.code;
        if (record.name === "TimeoutError") return "TimeoutError";
        current = record.cause;
    }
    return null;
}

/** Whether a failed request means the network, not the server: fetch rejects only then. */
export function isNetworkError(error: unknown): boolean {
    const code = errorCode(error);
    if (code != null) return code in plainWords || code.startsWith("UND_ERR");
    return error instanceof TypeError && /fetch failed|terminated/i.test(error.message);
}

/** A fetch that rejected (rather than answering) means the network: say so in plain words. */
export function networkFailure(host: string, error: unknown): DownloadOfflineError {
    const code = errorCode(error);
    return new DownloadOfflineError(host, (code != null ? plainWords[code] : undefined) ?? "no connection", error);
}
