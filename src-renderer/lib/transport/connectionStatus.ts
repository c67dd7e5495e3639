import type { ErrorInfo } from "@common/contract";

/** Where the link to the services stands, as the UI needs to show it. */
export type ConnectionStatus = "connecting" | "open" | "reconnecting" | "unauthorized" | "missing-token";

export const lostConnectionError: ErrorInfo = {
    kind: "internal",
    message: "Lost connection to Locus; reconnecting…"
};

export const unauthorizedError: ErrorInfo = {
    kind: "forbidden",
    message:
        "Locus did not accept this page's access token. Open Locus again from the address the browser host printed when it started (it ends with #token=…)."
};

export const missingTokenError: ErrorInfo = {
    kind: "forbidden",
    message:
        "This page has no access token. Open Locus from the address the browser host printed when it started (it ends with #token=…)."
};

/** The sentence a banner shows for a status, or null when all is well. */
export function describeConnection(status: ConnectionStatus): string | null {
    switch (status) {
        case "open":
        case "connecting":
            return null;
        case "reconnecting":
            return lostConnectionError.message;
        case "unauthorized":
            return unauthorizedError.message;
        case "missing-token":
            return missingTokenError.message;
    }
}

/** Whether a call failed only because the link is down; the connection banner already says so. */
export function isConnectionError(error: ErrorInfo): boolean {
    return [lostConnectionError, unauthorizedError, missingTokenError].some((known) => known.message === error.message);
}
