// npm run dist [-- <electron-builder options>]
//
// Builds this platform's installers (Linux: AppImage and deb; macOS: dmg; Windows: NSIS) from
// electron-builder.config.ts, on the machine they are for: node-llama-cpp and the trainer are native and
// do not cross-package. Needs the network once for Electron's binary and headers (electron-builder
// downloads them) and, on Linux, a C++ toolchain and cmake for the trainer; without them the installer is
// made without the trainer and Personalize says so in the app. Build flags: see electron-builder.config.ts.
//
// better-sqlite3 is rebuilt for Electron while packing; Node's build is put back afterwards, so tests and
// the browser host keep working in this checkout.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { debMetadataProblems } from "./debMetadataProblems.js";

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const nodeBinding = path.join(projectDir, "node_modules", "better-sqlite3", "build", "Release", "better_sqlite3.node");
const args = process.argv.slice(2);
if (args.some((arg) => ["--linux", "--mac", "--win", "-l", "-m", "-w"].includes(arg) && !hostFlags().includes(arg))) {
    fail(`Installers are built on their own platform (node-llama-cpp's binaries and the trainer are native): this machine builds ${hostFlags()[0]} only.`);
}

if (process.platform === "linux") {
    const problems = debMetadataProblems(JSON.parse(fs.readFileSync(path.join(projectDir, "package.json"), "utf8")) as object);
    if (problems.length > 0) fail(`The deb package needs these fields in package.json: ${problems.join("; ")}.`);
    // The trainer ships in resources/trainer when it builds here; a machine without a toolchain ships none.
    const trainer = run("npx", ["tsx", "src-main/trainer/native/build.ts"]);
    if (trainer !== 0) process.stderr.write("The trainer could not be built: this installer will not include Personalize (the app says so).\n");
}
if (run("npx", ["electron-vite", "build"]) !== 0) fail("electron-vite build failed.");

const saved = `${nodeBinding}.node-build`;
if (fs.existsSync(nodeBinding)) fs.copyFileSync(nodeBinding, saved);
let status: number;
try {
    status = run("npx", ["electron-builder", "--config", "electron-builder.config.ts", "--publish", "never", ...args]);
} finally {
    if (fs.existsSync(saved)) fs.renameSync(saved, nodeBinding);
}
if (status !== 0) fail("electron-builder failed (see above).");
console.log(`Installers are in ${path.join(projectDir, "dist")}.`);

function hostFlags(): string[] {
    if (process.platform === "darwin") return ["--mac", "-m"];
    if (process.platform === "win32") return ["--win", "-w"];
    return ["--linux", "-l"];
}

function run(command: string, commandArgs: readonly string[]): number {
    const result = spawnSync(command, commandArgs, { cwd: projectDir, stdio: "inherit", shell: process.platform === "win32" });
    return result.status ?? 1;
}

function fail(message: string): never {
    process.stderr.write(`${message}\n`);
    process.exit(1);
}
