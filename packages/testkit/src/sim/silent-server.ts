import type { FetchLike } from '@cal/core';

/**
 * A `fetch` to a server that never answers: the promise settles only when the request's
 * signal aborts (with the signal's reason, as fetch does). With no signal it never settles,
 * which is what a client without a timeout would do to its caller.
 * @public
 */
export const silentFetch: FetchLike = (input, init) =>
  new Promise((_, reject) => {
    const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
    signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
  });

/**
 * A {@link silentFetch} that also tells when the first request reached it: a client that does
 * real async work first (WebCrypto signing, a lazily imported module) starts its timer only
 * then, so fake time must not be advanced before.
 * @public
 */
export function silentServer(): { fetch: FetchLike; requested: Promise<void> } {
  let resolve!: () => void;
  const requested = new Promise<void>((r) => (resolve = r));
  return {
    requested,
    fetch: (input, init) => {
      resolve();
      return silentFetch(input, init);
    },
  };
}

/** What {@link settleAfter} saw. @public */
export interface SettleResult {
  /** The call settled before `ms` had passed. */
  early: boolean;
  /** The call had settled once `ms` had passed. */
  settled: boolean;
  /** Its rejection reason, if it rejected. */
  error: unknown;
}

/**
 * Starts a call and advances fake timers to just before `ms` and then to `ms`, reporting whether
 * it settled early and how it ended. Framework-neutral: pass your fake-timer advance function
 * (vitest's `vi.advanceTimersByTimeAsync`, Jest's `jest.advanceTimersByTimeAsync`).
 * @example
 * ```ts
 * const r = await settleAfter(() => client.listCalendars(), DEFAULT_TIMEOUT, vi.advanceTimersByTimeAsync);
 * expect(r).toMatchObject({ early: false, settled: true });
 * expect(r.error).toBeInstanceOf(TimeoutError);
 * ```
 * @public
 */
export async function settleAfter(
  start: () => Promise<unknown>,
  ms: number,
  advance: (ms: number) => Promise<unknown>,
  /** Resolves once the call's timer is running (e.g. {@link silentServer}'s `requested`). */
  ready?: Promise<unknown>,
): Promise<SettleResult> {
  let settled = false;
  let error: unknown;
  const done = start().then(
    () => void (settled = true),
    (e: unknown) => void ((settled = true), (error = e)),
  );
  await ready;
  await advance(ms - 1);
  const early = settled;
  await advance(1);
  await Promise.race([done, Promise.resolve()]);
  return { early, settled, error };
}
