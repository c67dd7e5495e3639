import { LocusError } from "@common/errors.js";

/** A checkpoint file is there but cannot be used as it is: unreadable JSON, a bad field, a truncated tensor. */
export class CheckpointInvalidError extends LocusError {
    constructor(readonly filePath: string, detail: string) {
        super("bad-model-file", `${filePath} cannot be converted: ${detail}. Download the checkpoint again, or fix that file.`);
    }
}
