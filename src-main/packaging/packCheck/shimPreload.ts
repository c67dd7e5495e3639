// Loaded with --import into the probe and every worker it starts: gives plain Node what Electron gives the
// packaged app's processes: process.resourcesPath, process.versions.electron, process.type ("browser" in
// main, "utility" in a utility process) and, in a utility process, process.parentPort. Libraries that
// behave differently in Electron (node-llama-cpp, pdf.js) then take their Electron paths. In the probe
// (main), `electron` resolves to the shim.
import { register } from "node:module";

type ParentPortListener = (event: { data: unknown; ports: unknown[] }) => void;

const resources = requiredEnv("LOCUS_SHIM_RESOURCES");
const electronVersion = requiredEnv("LOCUS_SHIM_ELECTRON_VERSION");
const type = process.env["LOCUS_SHIM_PROCESS_TYPE"] === "utility" ? "utility" : "browser";
const electronProcess = process as unknown as { resourcesPath?: string; type?: string; parentPort?: unknown };

electronProcess.resourcesPath = resources;
Object.defineProperty(process.versions, "electron", { value: electronVersion, enumerable: true });
electronProcess.type = type;

if (type === "utility") {
    // Electron's parentPort, over the IPC channel the shim's fork opened; the process dies with its parent.
    electronProcess.parentPort = {
        postMessage: (message: unknown) => process.send?.(message),
        on(event: string, listener: ParentPortListener) {
            if (event === "message") process.on("message", (data) => listener({ data, ports: [] }));
        }
    };
    process.on("disconnect", () => process.exit(0));
} else {
    register(new URL("./electronResolve.mjs", import.meta.url), { data: { shim: requiredEnv("LOCUS_SHIM_ELECTRON") } });
}

function requiredEnv(name: string): string {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is not set`);
    return value;
}
