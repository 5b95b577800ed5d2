import { NetworkError } from '@cal/core';
import { kit, type Kit } from './on-demand-kit.js';

/** The on-demand module (types only here, so nothing is loaded eagerly). */
export type OnDemand = typeof import('./on-demand-features.js');
/** Eager helpers handed to the on-demand module. */
export type { Kit };

let loading: Promise<OnDemand> | undefined;

/**
 * Loads the features a typical app does not call (todos, free/busy, scheduling, calendar
 * management, occurrence edits) once, on first use: code splitting bundlers put them in their own
 * chunk, so the initial download holds only discovery, queries, writes and sync.
 */
export function onDemand(): Promise<OnDemand> {
  return (loading ??= import('./on-demand-features.js').catch((cause: unknown) => {
    // A chunk that fails to load (offline, a redeployed app) is a typed, retryable error, never a
    // raw TypeError from the loader; the next call tries again.
    loading = undefined;
    throw new NetworkError('Could not load the @cal/caldav on-demand code', { provider: 'caldav', cause });
  }));
}

/** An on-demand function's parameters after the kit, and its result. */
type Later<F> = F extends (k: Kit, ...args: infer A) => infer R ? { args: A; result: Awaited<R> } : never;

/** Loads the on-demand chunk (once) and calls its function `name` with the kit and `args`. */
export async function later<N extends keyof OnDemand>(name: N, ...args: Later<OnDemand[N]>['args']): Promise<Later<OnDemand[N]>['result']> {
  const fn = (await onDemand())[name] as unknown as (k: Kit, ...a: unknown[]) => Later<OnDemand[N]>['result'];
  return fn(kit(), ...args);
}
