import type { z } from "zod";
import { isMethodName, methods, type MethodName, type MethodOutput, type Methods } from "@common/contract/methods.js";
import { fail, ok, type Result } from "@common/contract/result.js";
import { toErrorInfo } from "@common/errors.js";

/** One handler per contract method; the type makes the map exhaustive. */
export type Handlers = {
    [M in MethodName]: (input: z.output<Methods[M]["input"]>) => Promise<MethodOutput<M>> | MethodOutput<M>;
};

/**
 * The single entry for calls from any front end: checks the method name, validates the arguments
 * against the contract's schema, runs the handler and turns every failure into data.
 */
export class Dispatcher {
    constructor(
        private readonly handlers: Handlers,
        private readonly options: { refuse?: ReadonlySet<MethodName> } = {}
    ) {}

    async dispatch(method: unknown, args: unknown): Promise<Result<unknown>> {
        if (!isMethodName(method))
            return fail({ kind: "invalid-input", message: `Unknown request "${String(method).slice(0, 80)}".` });
        if (this.options.refuse?.has(method))
            return fail({ kind: "forbidden", message: `"${method}" is not available in this window.` });

        const parsed = methods[method].input.safeParse(args ?? {});
        if (!parsed.success) {
            const issue = parsed.error.issues[0];
            const field = issue?.path.length ? issue.path.join(".") : "arguments";
            return fail({ kind: "invalid-input", message: `Invalid ${field} for ${method}: ${issue?.message ?? "rejected"}.` });
        }
        try {
            const handler = this.handlers[method] as (input: unknown) => unknown;
            return ok(await handler(parsed.data));
        } catch (error) {
            const info = toErrorInfo(error);
            if (info.kind === "internal") console.error(`Locus: ${method} failed:`, error);
            return fail(info);
        }
    }
}
