import { LocusError } from "@common/errors.js";

/** Training teaches the chat model chosen in Settings; none is chosen, or it left the model list. */
export class NoChatModelError extends LocusError {
    constructor(reason: "none-chosen" | "missing") {
        super(
            "no-model-loaded",
            reason === "none-chosen"
                ? "Choose a chat model first (load one in Models, or pick it in Settings): Personalize teaches that model your documents."
                : "The chat model chosen in Settings is no longer in the model list. Add it again or choose another, then train."
        );
    }
}
