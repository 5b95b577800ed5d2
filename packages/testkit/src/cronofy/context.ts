import type { OAuthServer, SimContext, SimServer } from '../index.js';
import type { CronofyState, SimAccount } from './state.js';
import type { SimCronofyPush } from './types.js';

/** What the route modules share. @internal */
export interface CronofySimContext {
  api: SimServer;
  app: SimServer;
  oauth: OAuthServer;
  state: CronofyState;
  pageSize: number;
  clients: readonly { clientId: string; clientSecret: string }[];
  /** The account behind the bearer access token (401 otherwise); counts toward the rate limit. */
  user(ctx: SimContext): { account: SimAccount; clientId: string };
  /** The application whose client secret is the bearer token (401 otherwise). */
  application(ctx: SimContext): { clientId: string; clientSecret: string };
  /** Origin `next_page` links use. */
  nextPageOrigin(): string;
  /** Sends a `change` push to the account's matching channels. */
  changed(account: SimAccount, calendarId: string, managed: boolean): void;
  /** Sends one push. */
  push(callbackUrl: string, clientId: string, payload: object, type: string): void;
  pushes: SimCronofyPush[];
}
