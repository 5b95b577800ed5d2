import { compilePattern, matchPattern, type CompiledPattern } from './route-pattern.js';
import type { Fault, FaultInjector } from './types.js';

interface Armed {
  readonly fault: Fault;
  readonly path: CompiledPattern | RegExp | undefined;
  readonly first: number;
  readonly last: number;
  seen: number;
}

/**
 * Keeps the armed faults and decides which one (if any) applies to a request.
 * Every armed fault whose method/path match counts the request, so `nth` always means "the Nth request
 * this fault matches", whether or not an earlier fault fired on some of them. The first armed fault
 * (insertion order) whose window covers the request wins. Exhausted faults disarm themselves.
 * @internal
 */
export class FaultRegistry implements FaultInjector {
  #armed: Armed[] = [];

  get active(): readonly Fault[] {
    return this.#armed.map((a) => a.fault);
  }

  add(fault: Fault): () => void {
    const nth = fault.nth ?? 1;
    const times = fault.times ?? 1;
    if (!Number.isInteger(nth) || nth < 1) throw new RangeError(`fault.nth must be an integer >= 1, got ${nth}`);
    if (!(times >= 1)) throw new RangeError(`fault.times must be >= 1, got ${times}`);
    const path = typeof fault.path === 'string' ? compilePattern(fault.path) : fault.path;
    const armed: Armed = { fault, path, first: nth, last: nth + times - 1, seen: 0 };
    this.#armed.push(armed);
    return () => {
      this.#armed = this.#armed.filter((a) => a !== armed);
    };
  }

  clear(): void {
    this.#armed = [];
  }

  /** Counts the request against every matching fault and returns the one to inject. */
  take(method: string, path: string): Fault | undefined {
    let chosen: Armed | undefined;
    for (const armed of this.#armed) {
      if (!matches(armed, method, path)) continue;
      armed.seen += 1;
      if (!chosen && armed.seen >= armed.first && armed.seen <= armed.last) chosen = armed;
    }
    this.#armed = this.#armed.filter((a) => a.seen < a.last);
    return chosen?.fault;
  }
}

function matches(armed: Armed, method: string, path: string): boolean {
  const m = armed.fault.method;
  if (m !== undefined && m !== '*' && m.toUpperCase() !== method) return false;
  const p = armed.path;
  if (p === undefined) return true;
  if (p instanceof RegExp) {
    p.lastIndex = 0;
    return p.test(path);
  }
  return matchPattern(p, path) !== undefined;
}
