import { InvalidInputError } from "@common/errors.js";
import { isLoopbackAddress } from "../api/isLoopbackAddress.js";

/**
 * A remote server's base URL as typed, checked: HTTPS, except on this computer (loopback), since the API
 * key and the person's questions and passages travel with every request. A bare address gets `/v1`.
 */
export function serverAddress(typed: string): string {
    let url: URL;
    try {
        url = new URL(typed.trim());
    } catch {
        throw new InvalidInputError(`"${typed}" is not an address. Write it like https://gpu-server.example:8080/v1.`);
    }
    if (url.protocol !== "https:" && url.protocol !== "http:")
        throw new InvalidInputError(`Use an https:// address for the server (not ${url.protocol}).`);
    const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
    if (url.protocol === "http:" && !isLoopbackAddress(host))
        throw new InvalidInputError(`Use https:// for ${url.host}: over plain http your questions, documents' passages and API key would travel unencrypted. Only a server on this computer (127.0.0.1, localhost) may use http://.`);
    if (url.username !== "" || url.password !== "") throw new InvalidInputError("Put the API key in its own field, not in the address.");
    if (url.search !== "" || url.hash !== "") throw new InvalidInputError("The address takes no ?query or #fragment.");
    const pathname = url.pathname.replace(/\/+$/, "");
    return `${url.origin}${pathname === "" ? "/v1" : pathname}`;
}
