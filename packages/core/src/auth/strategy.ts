/**
 * Auth as a strategy object (octokit's `StrategyInterface`): the HTTP client asks the strategy to
 * authorize each request and tells it about a 401, and never reads credentials itself.
 */

/** @public */
export interface AuthStrategy {
  /** `basic`, `bearer`, `digest`, `oauth2`, `oauth1`, or a custom name. */
  readonly kind: string;
  /** Returns the request with credentials added. Called on every attempt, so it may refresh. */
  authorize(request: Request): Promise<Request> | Request;
  /**
   * Called once when a response is 401. Return true to have the request repeated once with
   * fresh credentials (oauth2 refreshes; digest answers the challenge); false to fail.
   */
  onUnauthorized?(request: Request, response: Response): Promise<boolean> | boolean;
  /** Literal secrets this strategy may put on the wire, so errors and logs can scrub them. */
  secrets(): readonly string[];
}
