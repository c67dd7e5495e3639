import { afterEach, describe, expect, it, vi } from "vitest";

vi.mock("../../../src-main/store/sqliteVecPath.js", () => ({ sqliteVecPath: () => "/nonexistent/vec0.so" }));

const { findMissingParts } = await import("../../../src-main/services/findMissingParts.js");
const { openDatabase } = await import("../../../src-main/store/openDatabase.js");

const savedAddonEnv = process.env["LOCUS_TRAINER_ADDON"];
afterEach(() => {
    if (savedAddonEnv === undefined) delete process.env["LOCUS_TRAINER_ADDON"];
    else process.env["LOCUS_TRAINER_ADDON"] = savedAddonEnv;
});

describe("findMissingParts (a damaged installation)", () => {
    it("reports each missing part with the file, what it disables and how to repair it", () => {
        process.env["LOCUS_TRAINER_ADDON"] = "/nonexistent/trainer/locus_trainer.node";
        const db = openDatabase(":memory:");
        const parts = findMissingParts({ db, llamaError: new Error("libllama.v0.5.0.so: cannot open shared object file") });
        db.close();
        expect(parts.map((part) => part.part)).toEqual(["llama-runtime", "vector-search", "trainer"]);
        const [llama, vectors, trainer] = parts;
        expect(llama?.problem).toContain("libllama.v0.5.0.so");
        expect(llama?.disables).toMatch(/Chat/);
        expect(vectors?.problem).toContain("/nonexistent/vec0.so");
        expect(vectors?.disables).toMatch(/keyword search over documents already indexed still works/);
        expect(trainer?.problem).toContain("/nonexistent/trainer/locus_trainer.node");
        expect(trainer?.disables).toMatch(/Personalize/);
        // A source checkout is repaired with a command; an installed app by reinstalling.
        expect(trainer?.fix).toContain("npm run build:trainer");
    });
});
