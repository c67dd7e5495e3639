/** A tensor's data producer wrote a different number of bytes than its shape and type require. */
export class TensorSizeMismatchError extends Error {
    public constructor(public readonly tensorName: string, public readonly expectedBytes: number, public readonly actualBytes: number) {
        super(`tensor "${tensorName}" produced ${actualBytes} bytes, its shape and type need ${expectedBytes}`);
        this.name = "TensorSizeMismatchError";
    }
}
