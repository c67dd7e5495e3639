import { InvalidInputError } from "@common/errors.js";

/** An origin as browsers send it (`https://app.example:8443`), from what a person typed; refuses anything else. */
export function normalizeOrigin(typed: string): string {
    let url: URL;
    try {
        url = new URL(typed.trim());
    } catch {
        throw new InvalidInputError(`"${typed}" is not a web origin. Write it like https://app.example or http://localhost:3000.`);
    }
    if ((url.protocol !== "http:" && url.protocol !== "https:") || url.username !== "" || url.password !== "" || url.hostname === "")
        throw new InvalidInputError(`"${typed}" is not a web origin. Write it like https://app.example or http://localhost:3000.`);
    if (url.pathname !== "/" || url.search !== "" || url.hash !== "")
        throw new InvalidInputError(`"${typed}" has a path; an origin is only the scheme, host and port (${url.origin}).`);
    return url.origin;
}
