import type { ClientContext } from '../client.js';
import { toCalendar, type Calendar } from '../models.js';

/** `GET /calendars` (reference §3.1). @public */
export class CalendarsResource {
  readonly #ctx: ClientContext;
  /** @internal */
  constructor(ctx: ClientContext) {
    this.#ctx = ctx;
  }

  /** Every calendar of every connected account (a bare array on the wire). `free-busy` scope → 403. */
  async list(): Promise<readonly Calendar[]> {
    const data = await this.#ctx.api('GET', '/calendars');
    return Object.freeze((Array.isArray(data) ? data : []).map(toCalendar));
  }
}
