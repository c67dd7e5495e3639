import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

export type RunningHost = { url: string; origin: string; stop(): Promise<void> };

const root = path.resolve(import.meta.dirname, "../../..");

/** Starts the built browser host (`out/main/browserHost.js`) on a free port and waits for its address. */
export async function startBrowserHost(options: {
    dataDir: string; args?: string[]; starterModels?: boolean;
    /** Extra environment for the host (e.g. a trainer path that does not exist, for a damaged installation). */
    env?: NodeJS.ProcessEnv;
}): Promise<RunningHost> {
    // Tests see only the models they add, unless they test the starter models a new user gets.
    const env = { ...process.env, ...(options.starterModels ? {} : { LOCUS_STARTER_DIR: "none" }), ...options.env };
    const child = spawn(process.execPath, [
        path.join(root, "out/main/browserHost.js"), "--port", "0", "--data", options.dataDir, "--cpu", ...(options.args ?? [])
    ], { cwd: root, stdio: ["ignore", "pipe", "pipe"], env });
    let output = "";
    const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`Browser host did not start in time. Output:\n${output}`)), 60_000);
        const onData = (chunk: Buffer) => {
            output += chunk.toString();
            if (process.env["LOCUS_E2E_HOST_LOG"] === "1") process.stderr.write(chunk);
            const match = /http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+/.exec(output);
            if (match) {
                clearTimeout(timer);
                resolve(match[0]);
            }
        };
        child.stdout!.on("data", onData);
        child.stderr!.on("data", onData);
        child.once("exit", (code) => reject(new Error(`Browser host exited (${code}) before listening. Output:\n${output}`)));
    });
    // A host that dies during a test is said at once, with what it printed: the page only shows "reconnecting".
    let stopping = false;
    child.once("exit", (code, signal) => {
        if (!stopping) console.error(`The browser host exited during the test (${String(code ?? signal)}). Its output:\n${output.slice(-20_000)}`);
    });
    return {
        url, origin: new URL(url).origin,
        stop: () => {
            stopping = true;
            return stop(child);
        }
    };
}

function stop(child: ChildProcess): Promise<void> {
    if (child.exitCode != null) return Promise.resolve();
    return new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 10_000).unref();
    });
}
