import { DownloadError } from "./DownloadError.js";

function explain(status: number, fileName: string): string {
    if (status === 404) return `${fileName} is no longer where this version of Locus expects it (HTTP 404). Update Locus, or import the file yourself.`;
    if (status === 401 || status === 403)
        return `The server refused to send ${fileName} (HTTP ${status}). The model may now require signing in; import the file yourself instead.`;
    if (status === 429) return `The server is limiting downloads right now (HTTP 429). Wait a few minutes, then resume.`;
    if (status >= 500) return `The server had a problem sending ${fileName} (HTTP ${status}). Try again in a few minutes: the download continues where it stopped.`;
    return `The server answered HTTP ${status} for ${fileName}. Try again later.`;
}

/** The hub answered, but not with the file. */
export class DownloadServerError extends DownloadError {
    constructor(readonly status: number, readonly fileName: string) {
        super("server", explain(status, fileName));
    }
}
