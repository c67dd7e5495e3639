/** A GGUF file (or one we were asked to write) breaks the format: bad magic, type, size or offset. */
export class GgufFormatError extends Error {
    public constructor(message: string, public readonly filePath?: string) {
        super(filePath == null ? message : `${message} (${filePath})`);
        this.name = "GgufFormatError";
    }
}

/** A tensor's data producer wrote a different number of bytes than its shape and type require. */
export class TensorSizeMismatchError extends Error {
    public constructor(public readonly tensorName: string, public readonly expectedBytes: number, public readonly actualBytes: number) {
        super(`tensor "${tensorName}" produced ${actualBytes} bytes, its shape and type need ${expectedBytes}`);
        this.name = "TensorSizeMismatchError";
    }
}

/** A synthetic model name that the catalog does not know. */
export class UnknownSyntheticModelError extends Error {
    public constructor(public readonly modelName: string, public readonly knownNames: readonly string[]) {
        super(`unknown synthetic model "${modelName}"; known: ${knownNames.join(", ")}`);
        this.name = "UnknownSyntheticModelError";
    }
}
