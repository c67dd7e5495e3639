// Messages between a parent and its child worker. Every message is a tagged union member with a
// request id, so replies can never be matched to the wrong request.

/** An error as it crosses a process boundary: enough to rebuild a named error on the other side. */
export interface SerializedError {
    name: string;
    /** Stable machine-readable category ("timeout", "corrupt", ...), for the UI and for retries. */
    kind: string;
    /** Sentence a user can read: what happened, to which file, what to do. */
    message: string;
    /** Plain data the named error was built from (file name, limit...), to rebuild it exactly. */
    details?: Record<string, unknown>;
}

/** Parent -> child. */
export type ParentMessage<Request> = { type: "request"; id: number; payload: Request };

/** Child -> parent. */
export type ChildMessage<Result, Progress> =
    | { type: "ready" }
    | { type: "progress"; id: number; progress: Progress }
    | { type: "result"; id: number; result: Result }
    | { type: "error"; id: number; error: SerializedError };
