/** The command line was wrong or incomplete: exit code 2, with what to type instead. */
export class UsageError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "UsageError";
    }
}
