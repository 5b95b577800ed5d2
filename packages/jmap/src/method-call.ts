import type { Invocation, ResultReference } from './types/core.js';
import type { MethodArgs, MethodResponse, ResultPath, WithRefs } from './types/methods.js';

let nextId = 0;

/**
 * One method call of a batched request, created by {@link call}. It remembers its response type, so
 * `response.get(c)` is typed, and builds typed result references into its own result.
 * @public
 */
export interface MethodCall<N extends string = string, R = MethodResponse<N>> {
  /** Method name, e.g. `CalendarEvent/query`. */
  readonly name: N;
  /** Arguments (may contain `#name` result references). */
  readonly args: Record<string, unknown>;
  /** Call id, unique within the request. */
  readonly id: string;
  /** A result reference to `path` in this call's response (RFC 8620 §3.7). */
  ref(path: ResultPath<R>): ResultReference;
  /** Phantom field carrying the response type. */
  readonly __response?: R;
}

/**
 * Builds a typed method call for {@link JMAPClient.request}. `accountId` may be left out: the client
 * fills in the account of the method's capability.
 * @example
 * ```ts
 * const q = call('CalendarEvent/query', { filter: { text: 'standup' } });
 * const g = call('CalendarEvent/get', { '#ids': q.ref('/ids') });
 * const res = await client.request([q, g]);
 * res.get(g).list; // JSCalendarEvent[]
 * ```
 * @public
 */
export function call<N extends string>(name: N, args: WithRefs<MethodArgs<N>> = {} as WithRefs<MethodArgs<N>>, id?: string): MethodCall<N> {
  const callId = id ?? `c${++nextId}`;
  return {
    name,
    args: args as Record<string, unknown>,
    id: callId,
    ref: (path) => ({ resultOf: callId, name, path }),
  };
}

/** Accepts a {@link MethodCall} or a raw `[name, args, id]` invocation. @internal */
export function toInvocation(c: MethodCall<string, unknown> | Invocation): Invocation {
  if (Array.isArray(c)) return c as Invocation;
  const m = c as MethodCall<string, unknown>;
  return [m.name, m.args, m.id];
}
