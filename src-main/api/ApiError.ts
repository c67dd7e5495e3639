/** OpenAI's error types: clients branch on them (and on the status) to decide whether to retry. */
export type ApiErrorType =
    | "invalid_request_error" | "authentication_error" | "permission_error" | "not_found_error"
    | "rate_limit_error" | "server_error" | "service_unavailable";

/**
 * An error the API answers in OpenAI's shape, `{"error": {message, type, param, code}}`. 4xx statuses for
 * the client's mistakes (so clients do not retry them); 429 and 5xx for conditions that may pass.
 */
export class ApiError extends Error {
    constructor(
        readonly status: number,
        message: string,
        readonly type: ApiErrorType,
        readonly code: string | null = null,
        readonly param: string | null = null,
        /** Extra response headers, e.g. retry-after on 429. */
        readonly headers: Readonly<Record<string, string>> = {}
    ) {
        super(message);
        this.name = "ApiError";
    }

    toBody(): { error: { message: string; type: ApiErrorType; param: string | null; code: string | null } } {
        return { error: { message: this.message, type: this.type, param: this.param, code: this.code } };
    }

    static invalid(message: string, param: string | null = null, code: string | null = null): ApiError {
        return new ApiError(400, message, "invalid_request_error", code, param);
    }
}
