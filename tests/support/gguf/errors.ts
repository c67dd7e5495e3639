/** A synthetic model name that the catalog does not know. */
export class UnknownSyntheticModelError extends Error {
    public constructor(public readonly modelName: string, public readonly knownNames: readonly string[]) {
        super(`unknown synthetic model "${modelName}"; known: ${knownNames.join(", ")}`);
        this.name = "UnknownSyntheticModelError";
    }
}
