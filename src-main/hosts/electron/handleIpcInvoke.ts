import { fail, type Result } from "@common/contract/result.js";
import type { Dispatcher } from "../../ipc/Dispatcher.js";
import { acceptsIpcFrom, type IpcSender } from "./acceptsIpcFrom.js";

/**
 * The Electron host's one IPC handler: a call from anywhere but the app's own page in the main frame is
 * refused before its arguments are looked at; the rest go to the dispatcher, which validates them.
 */
export function handleIpcInvoke(dispatcher: Dispatcher | null, sender: IpcSender, method: unknown, args: unknown): Promise<Result<unknown>> {
    if (dispatcher === null || !acceptsIpcFrom(sender))
        return Promise.resolve(fail({ kind: "forbidden", message: "Request refused: it did not come from the Locus window." }));
    return dispatcher.dispatch(method, args);
}
