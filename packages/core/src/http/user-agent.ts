/** Version of `@cal/core`, stamped into the `User-Agent`. Kept in sync by the release script. @internal */
export const CORE_VERSION = '0.1.0';

/** Builds `@cal/<provider>/<version> @cal/core/<version>`. @internal */
export function userAgent(product: string | undefined): string {
  return product ? `${product} @cal/core/${CORE_VERSION}` : `@cal/core/${CORE_VERSION}`;
}
