import { contextBridge, ipcRenderer, type IpcRendererEvent } from "electron";
import type { EventMessage } from "@common/contract/events.js";
import { IPC_CHANNELS, type LocusBridge } from "@common/contract/transport.js";

// The renderer gets exactly this object: two functions, never ipcRenderer itself. Main validates
// every call against the contract, so the preload stays free of logic (and of bundled libraries).
const bridge: LocusBridge = {
    invoke: (method, args) => ipcRenderer.invoke(IPC_CHANNELS.invoke, String(method), args),
    subscribe(listener) {
        const forward = (_event: IpcRendererEvent, message: EventMessage) => listener(message);
        ipcRenderer.on(IPC_CHANNELS.event, forward);
        return () => {
            ipcRenderer.removeListener(IPC_CHANNELS.event, forward);
        };
    }
};

contextBridge.exposeInMainWorld("locusBridge", bridge);
