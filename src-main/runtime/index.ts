export { resourcesDir } from "./resourcesDir.js";
export { runningFromArchive } from "./runningFromArchive.js";
export { unpackedPath } from "./unpackedPath.js";
