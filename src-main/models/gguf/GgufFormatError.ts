/** A GGUF file (or one we were asked to write) breaks the format: bad magic, type, size or offset. */
export class GgufFormatError extends Error {
    public constructor(message: string, public readonly filePath?: string) {
        super(filePath == null ? message : `${message} (${filePath})`);
        this.name = "GgufFormatError";
    }
}
