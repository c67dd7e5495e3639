import path from "node:path";
import { fileURLToPath } from "node:url";

/** Root of the repository (this file lives in tests/support/llamaCpp). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

/** Git-ignored folder for everything tests and benchmarks generate or build. */
export const cacheDir = path.join(repoRoot, ".cache");

/** llama.cpp sources, cloned from node-llama-cpp's bundle so they match its binaries. */
export const llamaSourceDir = path.join(cacheDir, "llama.cpp");

/** CMake build folder for the reference `llama-bench`. */
export const llamaBenchBuildDir = path.join(cacheDir, "llama-bench-build");

/** Generated synthetic GGUF models. */
export const syntheticModelsDir = path.join(cacheDir, "models");

/** CMake build folder for the reference `llama-server` (its own, so it never invalidates llama-bench's). */
export const llamaServerBuildDir = path.join(cacheDir, "llama-server-build");
