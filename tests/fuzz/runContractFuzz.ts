import { z } from "zod";
import { methodNames } from "../../src-main/common/contract/methodNames.js";
import { methods } from "../../src-main/common/contract/methods.js";
import { answerProblem, describe } from "./checkAnswer.js";
import { generateValid, type FuzzContext, type JsonSchema } from "./generateInput.js";
import { mutateInput, type Mutation } from "./mutateInput.js";

/** Makes one call through a front end's transport; resolves with the raw answer. */
export type FuzzCall = (method: string, args: unknown) => Promise<unknown>;

export type FuzzFailure = { method: string; mutation: Mutation; args: string; problem: string };

export type FuzzReport = {
    calls: number; failures: FuzzFailure[]; byMethod: Record<string, number>; mutations: Record<string, number>;
    /** How the calls were answered: "ok", or the error kind. */
    answers: Record<string, number>;
};

export type ContractFuzzOptions = {
    calls: number;
    context: FuzzContext;
    call: FuzzCall;
    /** Longest a call may take before it counts as a hang. */
    timeoutMs?: number;
    /** Most calls in flight at once (each batch is 1..this many, all at once). */
    concurrency?: number;
    /** The transport carries more than JSON (Electron's structured clone). */
    cloneOnly?: boolean;
    /** Share of calls made with a valid input (the rest are broken one way). */
    validShare?: number;
};

const schemas = new Map<string, JsonSchema>(
    methodNames.map((name) => [name, z.toJSONSchema(methods[name].input, { unrepresentable: "any" }) as JsonSchema])
);
/** Names that are no method, or almost one. */
const notMethods = ["", "chats", "chats.", ".list", "chats.list.x", "CHATS.LIST", "__proto__", "constructor", "toString", "app.info\u0000", "x".repeat(10_000)];

/**
 * Drives every method of the contract with generated inputs (valid, and broken one way each), in batches of
 * concurrent calls in random order, and checks each answer is a result or a typed error within the time limit.
 */
export async function runContractFuzz(options: ContractFuzzOptions): Promise<FuzzReport> {
    const { context, call } = options;
    const { random } = context;
    const timeoutMs = options.timeoutMs ?? 60_000;
    const report: FuzzReport = { calls: 0, failures: [], byMethod: {}, mutations: {}, answers: {} };
    while (report.calls < options.calls) {
        const batch = Math.min(options.calls - report.calls, random.int(1, options.concurrency ?? 6));
        const pending: Promise<void>[] = [];
        for (let i = 0; i < batch; i++) {
            const unknownName = random.chance(0.02);
            const method = unknownName ? random.pick(notMethods) : random.pick(methodNames);
            const schema = schemas.get(method) ?? { type: "object", properties: {} };
            const valid = generateValid(schema, "args", context) as Record<string, unknown>;
            const { args, mutation } = unknownName || random.chance(options.validShare ?? 0.4)
                ? { args: valid, mutation: "none" as const }
                : mutateInput(valid, schema, context, options.cloneOnly ?? false);
            report.calls++;
            report.byMethod[method] = (report.byMethod[method] ?? 0) + 1;
            report.mutations[mutation] = (report.mutations[mutation] ?? 0) + 1;
            pending.push(callOnce(call, method, args, timeoutMs).then((outcome) => {
                const answer = outcome.answer as { ok?: boolean; error?: { kind?: string } } | undefined;
                const how = answer === undefined ? "no answer" : answer.ok === true ? "ok" : String(answer.error?.kind);
                report.answers[how] = (report.answers[how] ?? 0) + 1;
                if (outcome.problem !== null) report.failures.push({ method: method.slice(0, 80), mutation, args: describe(args), problem: outcome.problem });
                else if (outcome.answer !== undefined && (outcome.answer as { ok?: unknown }).ok === true)
                    context.ids.harvest(method, (outcome.answer as { value?: unknown }).value);
            }));
        }
        await Promise.all(pending);
    }
    return report;
}

async function callOnce(call: FuzzCall, method: string, args: unknown, timeoutMs: number): Promise<{ answer?: unknown; problem: string | null }> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<"hang">((resolve) => (timer = setTimeout(() => resolve("hang"), timeoutMs)));
    try {
        const answer = await Promise.race([call(method, args), timeout]);
        if (answer === "hang") return { problem: `no answer within ${timeoutMs / 1000} s (a hang)` };
        return { answer, problem: answerProblem(answer) };
    } catch (error) {
        return { problem: `the transport failed: ${error instanceof Error ? error.message : String(error)}` };
    } finally {
        clearTimeout(timer);
    }
}
