import { describe, expect, it } from "vitest";
import { documentLimitProblem } from "../../../src-renderer/lib/state/setup/documentLimitProblem.js";

const limits = { maxDocumentMegabytes: 512, maxDocumentPages: 5000, maxInflatedMegabytes: 200, parseTimeoutSeconds: 120, maxScannedPages: 200, maxMailboxMessages: 20_000 };

describe("the document limits in Settings", () => {
    it("accepts values within the safe bounds and names the first one outside them", () => {
        expect(documentLimitProblem(limits)).toBeNull();
        expect(documentLimitProblem({ ...limits, parseTimeoutSeconds: 2 })).toBe("Time to read one document (seconds) must be a whole number from 5 to 3,600.");
        expect(documentLimitProblem({ ...limits, maxDocumentMegabytes: 4096 })).toBe("Largest document (MB) must be a whole number from 1 to 2,048.");
        expect(documentLimitProblem({ ...limits, maxDocumentPages: 1.5 })).toMatch(/^Most pages must be a whole number/);
        expect(documentLimitProblem({ ...limits, maxInflatedMegabytes: Number.NaN })).toMatch(/^Largest unpacked size/);
        expect(documentLimitProblem({ ...limits, maxScannedPages: 0 })).toBe("Most scanned pages (text recognition) must be a whole number from 1 to 10,000.");
        expect(documentLimitProblem({ ...limits, maxMailboxMessages: 500_000 })).toBe("Most messages in a mailbox must be a whole number from 1 to 200,000.");
    });
});
