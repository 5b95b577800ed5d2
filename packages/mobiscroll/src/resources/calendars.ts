import type { ClientContext } from '../client.js';
import type { Calendar } from '../models.js';
import { operations } from '../on-demand/load-operations.js';

/** `GET /calendars` (reference §3.1). @public */
export class CalendarsResource {
  readonly #ctx: ClientContext;
  /** @internal */
  constructor(ctx: ClientContext) {
    this.#ctx = ctx;
  }

  /** Every calendar of every connected account (a bare array on the wire). `free-busy` scope → 403. */
  async list(): Promise<readonly Calendar[]> {
    return (await operations()).listCalendars(this.#ctx);
  }
}
