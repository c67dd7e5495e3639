/** The Hugging Face hub; tests and mirrors pass another endpoint with the same routes. */
export const defaultHubEndpoint = "https://huggingface.co/";

/** What identifies one file on the hub: catalog values, already validated by the catalog schema. */
export type HubFileRef = { endpoint: string; repository: string; revision: string; fileName: string };

const withSlash = (endpoint: string) => (endpoint.endsWith("/") ? endpoint : `${endpoint}/`);
const encodePath = (value: string) => value.split("/").map(encodeURIComponent).join("/");

/** `{endpoint}/{owner}/{name}/resolve/{revision}/{file}`: the URL the hub serves a file from. */
export function resolveUrl(ref: HubFileRef): string {
    return `${withSlash(ref.endpoint)}${encodePath(ref.repository)}/resolve/${encodeURIComponent(ref.revision)}/${encodeURIComponent(ref.fileName)}`;
}

/** The repository's metadata at one revision, with each file's LFS object id (`?blobs=true`). */
export function revisionApiUrl(ref: Omit<HubFileRef, "fileName">): string {
    return `${withSlash(ref.endpoint)}api/models/${encodePath(ref.repository)}/revision/${encodeURIComponent(ref.revision)}?blobs=true`;
}

export function hubHost(endpoint: string): string {
    try {
        return new URL(endpoint).host;
    } catch {
        return endpoint;
    }
}
