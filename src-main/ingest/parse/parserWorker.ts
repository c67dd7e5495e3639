// Entry of the parser worker process: parses one document per request, away from the main process,
// so a hostile or broken file can at worst crash or hang this process (which the parent then kills).
import { serveWorkerRequests } from "../../workers/serveWorkerRequests.js";
import { parseDocumentFile } from "./parseDocumentFile.js";
import { parseRequestSchema, type ParseProgress, type ParseRequest } from "./parseSchemas.js";
import type { ParsedDocument } from "./types.js";

serveWorkerRequests<ParseRequest, ParsedDocument, ParseProgress>({
    parseRequest: (payload) => parseRequestSchema.parse(payload),
    handle: ({ filePath, limits }, { reportProgress }) => parseDocumentFile(filePath, limits, { reportProgress })
});
