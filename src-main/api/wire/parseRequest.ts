import type { z } from "zod";
import { ApiError } from "../ApiError.js";

type Issue = z.core.$ZodIssue;

/** Validates a request body; the first problem is a 400 naming the field, as OpenAI's `param` does. */
export function parseRequest<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
    const parsed = schema.safeParse(body);
    if (parsed.success) return parsed.data;
    const first = parsed.error.issues[0];
    const issue = first == null ? undefined : mostSpecific(first);
    const param = issue == null || issue.path.length === 0 ? null : issue.path.map(String).join(".");
    const message = issue == null ? "The request is invalid." : `Invalid ${param ?? "request body"}: ${issue.message}.`;
    throw ApiError.invalid(message, param, "invalid_value");
}

/**
 * A field that may take several forms (a string or a list of parts) fails as a whole with "Invalid input";
 * the problem worth reporting is the one found deepest in the form that came closest.
 */
function mostSpecific(issue: Issue): Issue {
    if (issue.code !== "invalid_union" || issue.errors.length === 0) return issue;
    const candidates = issue.errors.flat().map((inner) => mostSpecific({ ...inner, path: [...issue.path, ...inner.path] } as Issue));
    return candidates.reduce((best, candidate) => (candidate.path.length > best.path.length ? candidate : best), issue);
}
