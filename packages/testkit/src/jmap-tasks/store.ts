/**
 * State of the JMAP Tasks simulator: one account with task lists and tasks, a state counter per type
 * and a change log for `/changes` (RFC 8620 §5.2).
 * @packageDocumentation
 */

/** A stored object (TaskList or Task). @public */
export type JMAPObject = Record<string, unknown> & { id: string };

interface Change {
  state: number;
  id: string;
  kind: 'created' | 'updated' | 'destroyed';
}

/** One object type's records, state and change log. @public */
export class TypeStore {
  readonly objects = new Map<string, JMAPObject>();
  state = 0;
  private log: Change[] = [];
  /** States older than this cannot be calculated (simulates a truncated change log). */
  oldestState = 0;

  record(id: string, kind: Change['kind']): void {
    this.state++;
    this.log.push({ state: this.state, id, kind });
  }

  /** RFC 8620 §5.2 changes since `since`, up to `max` ids; null when the state is unknown. */
  changes(since: number, max: number | undefined): { created: string[]; updated: string[]; destroyed: string[]; newState: number; more: boolean } | null {
    if (!Number.isInteger(since) || since < this.oldestState || since > this.state) return null;
    const entries = this.log.filter((c) => c.state > since);
    const limited = max !== undefined && entries.length > max ? entries.slice(0, max) : entries;
    const newState = limited.length ? limited[limited.length - 1]!.state : this.state;
    const created = new Set<string>();
    const updated = new Set<string>();
    const destroyed = new Set<string>();
    for (const c of limited) {
      if (c.kind === 'created') created.add(c.id);
      else if (c.kind === 'updated') {
        if (!created.has(c.id)) updated.add(c.id);
      } else {
        if (created.has(c.id)) created.delete(c.id);
        else {
          updated.delete(c.id);
          destroyed.add(c.id);
        }
      }
    }
    return { created: [...created], updated: [...updated], destroyed: [...destroyed], newState, more: limited.length < entries.length };
  }

  clear(): void {
    this.objects.clear();
    this.state = 0;
    this.log = [];
    this.oldestState = 0;
  }
}
