import { InvalidInputError } from "@common/errors.js";

/** An added folder holds more files than one add may queue: most likely a whole disk or home folder. */
export class TooManyFilesError extends InvalidInputError {
    constructor(paths: readonly string[], maxFiles: number) {
        const what = paths.length === 1 ? `"${paths[0]}"` : "The added folders";
        super(
            `${what} holds more than ${maxFiles.toLocaleString("en-US")} documents, so nothing was added. ` +
                "Add the folders that hold the documents you want to ask about instead."
        );
    }
}
