import type { EventMessage } from "./events.js";
import type { Result } from "./result.js";

/** How a front end reaches the services: Electron IPC (preload bridge) or the browser host's WebSocket. */
export interface Transport {
    invoke(method: string, args: unknown): Promise<Result<unknown>>;
    subscribe(listener: (message: EventMessage) => void): () => void;
}

/** Messages on the browser host's WebSocket, as tagged unions. */
export type WireRequest = { type: "invoke"; id: number; method: string; args: unknown };
export type WireResponse =
    | { type: "result"; id: number; result: Result<unknown> }
    | ({ type: "event" } & EventMessage);

/** The two Electron IPC channels. Only the preload and the Electron host use them, through this constant. */
export const IPC_CHANNELS = { invoke: "locus:invoke", event: "locus:event" } as const;

/** The one object the Electron preload exposes to the renderer as `window.locusBridge`. */
export type LocusBridge = Transport;
