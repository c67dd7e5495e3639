/** Setup could not provide a starter model; the message names the package and what to do. */
export class StarterModelError extends Error {
    override readonly name = "StarterModelError";

    constructor(message: string, readonly packageName: string) {
        super(message);
    }
}
