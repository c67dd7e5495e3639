import path from "node:path";
import { describe, expect, it } from "vitest";
import { unpackedPath } from "../../../src-main/runtime/unpackedPath.js";

describe("unpackedPath", () => {
    it("moves a file inside the app's archive to the unpacked folder beside it, where native code can open it", () => {
        const inside = path.join("/opt/Locus/resources/app.asar", "node_modules", "sqlite-vec-linux-x64", "vec0.so");
        expect(unpackedPath(inside)).toBe(path.join("/opt/Locus/resources/app.asar.unpacked", "node_modules", "sqlite-vec-linux-x64", "vec0.so"));
    });

    it("leaves a path outside any archive, and one already unpacked, as it is", () => {
        const checkout = path.join("/home/me/locus/node_modules", "sqlite-vec-linux-x64", "vec0.so");
        const unpacked = path.join("/opt/Locus/resources/app.asar.unpacked", "node_modules", "x.node");
        expect(unpackedPath(checkout)).toBe(checkout);
        expect(unpackedPath(unpacked)).toBe(unpacked);
    });
});
