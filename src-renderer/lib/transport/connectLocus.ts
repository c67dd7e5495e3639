import { fail, type Transport } from "@common/contract";
import { forgetAccessToken, takeAccessToken } from "./accessToken.js";
import { missingTokenError, type ConnectionStatus } from "./connectionStatus.js";
import { createBridgeTransport } from "./createBridgeTransport.js";
import { SocketTransport } from "./SocketTransport.js";

/** A transport and the state of its link, which the UI shows and reacts to (refresh on reconnect). */
export interface LocusConnection {
    readonly transport: Transport;
    readonly status: ConnectionStatus;
    onStatus(listener: (status: ConnectionStatus) => void): () => void;
}

/** Electron when the preload bridge is there; otherwise the browser host's WebSocket. */
export function connectLocus(win: Window): LocusConnection {
    if (win.locusBridge) return fixedConnection(createBridgeTransport(win.locusBridge), "open");
    // Opening a new #token=… address in this tab changes only the fragment: start over with it.
    win.addEventListener("hashchange", () => {
        if (/(?:^#|&)token=/.test(win.location.hash)) win.location.reload();
    });
    const token = takeAccessToken(win);
    if (!token) {
        const refusing: Transport = { invoke: async () => fail(missingTokenError), subscribe: () => () => {} };
        return fixedConnection(refusing, "missing-token");
    }
    const scheme = win.location.protocol === "https:" ? "wss" : "ws";
    const socket = new SocketTransport(`${scheme}://${win.location.host}/ws?token=${encodeURIComponent(token)}`);
    socket.onStatus((status) => {
        if (status === "unauthorized") forgetAccessToken(win);
    });
    return {
        transport: socket,
        get status() {
            return socket.status;
        },
        onStatus: (listener) => socket.onStatus(listener)
    };
}

function fixedConnection(transport: Transport, status: ConnectionStatus): LocusConnection {
    return { transport, status, onStatus: () => () => {} };
}
