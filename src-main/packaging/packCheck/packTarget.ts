/** The platform being packed, in the names each package uses for it. */
export type PackTarget = {
    /** electron-builder's ${os} and node-llama-cpp's prefix: linux, mac, win. */
    os: "linux" | "mac" | "win";
    arch: "x64" | "arm64";
    /** sqlite-vec's platform package, e.g. sqlite-vec-linux-x64. */
    sqliteVecPackage: string;
    /** Its loadable extension's file name. */
    sqliteVecFile: string;
    /** node-llama-cpp's CPU package for the target, e.g. linux-x64 or mac-arm64-metal. */
    llamaPackage: string;
};

/** This machine as a packaging target (pack:check packs for the machine it runs on). */
export function currentPackTarget(): PackTarget {
    const arch = process.arch === "arm64" ? "arm64" : "x64";
    if (process.platform === "darwin") {
        return { os: "mac", arch, sqliteVecPackage: `sqlite-vec-darwin-${arch}`, sqliteVecFile: "vec0.dylib", llamaPackage: arch === "arm64" ? "mac-arm64-metal" : "mac-x64" };
    }
    if (process.platform === "win32") {
        return { os: "win", arch, sqliteVecPackage: `sqlite-vec-windows-${arch}`, sqliteVecFile: "vec0.dll", llamaPackage: `win-${arch}` };
    }
    return { os: "linux", arch, sqliteVecPackage: `sqlite-vec-linux-${arch}`, sqliteVecFile: "vec0.so", llamaPackage: `linux-${arch}` };
}
