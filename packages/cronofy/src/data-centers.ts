/**
 * Cronofy data centers (reference §1). `us` is the bare host; every other id `xx` maps to
 * `api-xx` / `app-xx`. The authorize page lives on the app host; every API call (OAuth token
 * endpoints included, as the docs and pycronofy do) goes to the API host.
 */

/** SDK identifier of a Cronofy data center, as shown on the application dashboard. @public */
export type CronofyDataCenter = 'us' | 'uk' | 'de' | 'ca' | 'au' | 'sg';

/** Every supported data center id. @public */
export const CRONOFY_DATA_CENTERS: readonly CronofyDataCenter[] = ['us', 'uk', 'de', 'ca', 'au', 'sg'];

/** The two hosts of one data center. @public */
export interface CronofyHosts {
  /** API host, e.g. `https://api-uk.cronofy.com`. */
  readonly api: string;
  /** App host for the OAuth consent page, e.g. `https://app-uk.cronofy.com`. */
  readonly app: string;
}

/**
 * Hosts of a data center. Unlike pycronofy (no validation) the id is lower-cased and checked, so a
 * typo fails loudly instead of sending tokens to `api-xx.cronofy.com`.
 * @returns `undefined` for an unknown id (the caller raises a ValidationError).
 * @public
 */
export function cronofyHosts(dataCenter: string = 'us'): CronofyHosts | undefined {
  const id = dataCenter.toLowerCase();
  if (!(CRONOFY_DATA_CENTERS as readonly string[]).includes(id)) return undefined;
  const suffix = id === 'us' ? '' : `-${id}`;
  return { api: `https://api${suffix}.cronofy.com`, app: `https://app${suffix}.cronofy.com` };
}
