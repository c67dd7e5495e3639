import fs from "node:fs";
import { GgufFormatError } from "../../../src-main/models/gguf/GgufFormatError.js";
import { ggmlTensorBytes } from "../../../src-main/models/gguf/ggmlTensorBytes.js";
import type { GgufFileHeader } from "./readGgufFile.js";

/** Reads one tensor's raw bytes (for tests; whole tensors of the tiny model are small). */
export function readGgufTensorData(filePath: string, header: GgufFileHeader, tensorName: string): Buffer {
    const tensor = header.tensors.find((candidate) => candidate.name === tensorName);
    if (tensor == null) throw new GgufFormatError(`no tensor named "${tensorName}"`, filePath);
    const length = ggmlTensorBytes(tensor.dims, tensor.type);
    const data = Buffer.alloc(length);
    const fd = fs.openSync(filePath, "r");
    try {
        const read = fs.readSync(fd, data, 0, length, header.dataOffset + tensor.offset);
        if (read !== length) throw new GgufFormatError(`tensor "${tensorName}" is cut short`, filePath);
    } finally {
        fs.closeSync(fd);
    }
    return data;
}
