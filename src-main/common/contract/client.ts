import type { EventName, Events } from "./events.js";
import { methodNames } from "./methodNames.js";
import type { MethodInput, MethodName, MethodOutput } from "./methods.js";
import type { Result } from "./result.js";
import type { Transport } from "./transport.js";

type ServiceName = MethodName extends `${infer S}.${string}` ? S : never;
type ServiceApi<S extends ServiceName> = {
    [M in MethodName as M extends `${S}.${infer Name}` ? Name : never]: (
        args: MethodInput<M>
    ) => Promise<Result<MethodOutput<M>>>;
};

/** The typed object the renderer calls: `client.chats.send({chatId, text})`. */
export type LocusApi = { [S in ServiceName]: ServiceApi<S> } & {
    on<E extends EventName>(event: E, handler: (payload: Events[E]) => void): () => void;
};

export function createLocusClient(transport: Transport): LocusApi {
    const api: Record<string, Record<string, (args: unknown) => Promise<Result<unknown>>>> = {};
    for (const name of methodNames) {
        const [service, call] = name.split(".") as [string, string];
        api[service] ??= {};
        api[service][call] = (args: unknown) => transport.invoke(name, args ?? {});
    }
    const on = <E extends EventName>(event: E, handler: (payload: Events[E]) => void) =>
        transport.subscribe((message) => {
            if (message.event === event) handler(message.payload as Events[E]);
        });
    return Object.assign(api, { on }) as unknown as LocusApi;
}
