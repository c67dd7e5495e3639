import { isAppUrl } from "./appOrigin.js";

/** The sender of an IPC call, as Electron describes it. */
export type IpcSender = { frameUrl: string | null; isMainFrame: boolean };

/** Calls are accepted only from the app's own page in the main frame of its window (not a subframe, not another origin). */
export function acceptsIpcFrom(sender: IpcSender): boolean {
    return sender.isMainFrame && sender.frameUrl !== null && isAppUrl(sender.frameUrl);
}
