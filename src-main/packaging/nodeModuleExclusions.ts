export type NodeModuleExclusionOptions = {
    /** Keep node-llama-cpp's CUDA binaries (about 0.5 GB on Linux and Windows x64). */
    cuda: boolean;
};

/**
 * What electron-builder leaves out of the production node_modules. For node_modules it applies only
 * exclusions, so "only the target platform's binaries" is said as "not any other": `${os}` and `${arch}`
 * are electron-builder's macros (linux|mac|win, x64|arm64), matching node-llama-cpp's package names
 * (linux-x64, linux-x64-vulkan, mac-arm64-metal, win-x64...). All patterns are top-level: a platform
 * section's `files` holding only exclusions would make electron-builder include the whole project.
 */
export function nodeModuleExclusions({ cuda }: NodeModuleExclusionOptions): string[] {
    const kept = ["${os}-${arch}", "${os}-${arch}-vulkan", "${os}-${arch}-metal", ...(cuda ? ["${os}-${arch}-cuda", "${os}-${arch}-cuda-ext"] : [])];
    return [
        `!node_modules/@node-llama-cpp/!(${kept.join("|")}){,/**/*}`,
        // node-llama-cpp's sources for building llama.cpp itself: the app never builds (getLlama build: "never").
        "!node_modules/node-llama-cpp/llama/{gitRelease.bundle,addon,cmake,toolchains,xpack,patches,profiles,CMakeLists.txt}{,/**/*}",
        "!node_modules/node-llama-cpp/templates{,/**/*}",
        // better-sqlite3's C sources and the SQLite amalgamation: only its compiled addon is loaded.
        "!node_modules/better-sqlite3/{deps,src}{,/**/*}",
        "!node_modules/better-sqlite3/build/{Release/obj,Release/obj.target,Release/.deps,deps}{,/**/*}",
        "!node_modules/better-sqlite3/build/Release/test_extension.node",
        // pdf.js: the parser loads only the legacy build (with its worker), cmaps, standard fonts and wasm decoders.
        "!node_modules/pdfjs-dist/{build,web,image_decoders,types,legacy/web,legacy/image_decoders}{,/**/*}",
        "!node_modules/pdfjs-dist/legacy/build/*.min.mjs",
        // Source maps of dependencies: nothing reads them in an installed app.
        "!node_modules/**/*.map",
        // sqlite-vec's packages for other platforms (npm installs only the machine's own, but a cross-arch
        // build must not pick up a stray one). sqlite-vec names Windows "windows" where ${platform} is win32.
        "!node_modules/sqlite-vec-!(${platform}-${arch}|windows-${arch}){,/**/*}"
    ];
}

