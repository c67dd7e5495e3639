/** A file the fake hub serves, as a repository at one revision holds it. */
export type HubFileSpec = { repository: string; revision: string; fileName: string; bytes: Buffer };

export type HubFile = HubFileSpec & { sha256: string; size: number };

/** How the fake hub answers, fixed for its lifetime: the real hub's behaviour unless told otherwise. */
export type FakeHubOptions = {
    /** Answer the resolve URL with a 302 to a CDN path, as the real hub does for LFS files (default true). */
    redirect?: boolean;
    /** Send `x-linked-etag` (the LFS SHA-256) on the resolve URL (default true). */
    linkedEtag?: boolean;
    /** Serve `GET /api/models/{repo}/revision/{rev}` with LFS object ids (default true). */
    api?: boolean;
};

/**
 * Faults the fake hub injects until `heal()`. "Data requests" are ranged GETs, which is how the
 * downloader fetches bytes; its first, unranged GET only reads the headers.
 */
export type HubFaults = {
    /** Every connection is destroyed on arrival, and open ones at once (the network is down). */
    offline?: boolean;
    /** Every request is answered with this HTTP status. */
    status?: number;
    /** The first data request to reach this file offset has its connection cut there (once). */
    dropAtOffset?: number;
    /** Data requests send nothing from this offset on and hang, as a network gone quiet does. */
    stallAtOffset?: number;
    /** The byte at this offset is served with its bits inverted. */
    flipByteAt?: number;
    /** The CDN serves only the first N bytes, while the hub's metadata still gives the full size. */
    truncateTo?: number;
    /** Throttles each response to this rate. */
    bytesPerSecond?: number;
};

/** One request as the server saw it; byte ranges are [start, end). */
export type ServedRequest = {
    method: string;
    path: string;
    status: number;
    range: { start: number; end: number } | null;
    /** File bytes handed to the socket: a range can be sent only partly (drop, stall, client gone). */
    bytesSent: number;
};
