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
   * Optional fast path for strategies whose credentials are one `Authorization` value that does
   * not depend on the request (Basic, Bearer, OAuth 2). When present, the pipeline sets the header
   * itself and never has to build a `Request` object for this strategy.
   */
  authorization?(): Promise<string> | string;
  /**
   * Called once when a response is 401. Return true to have the request repeated once with
   * fresh credentials (oauth2 refreshes; digest answers the challenge); false to fail.
   */
  onUnauthorized?(request: Request, response: Response): Promise<boolean> | boolean;
  /** Literal secrets this strategy may put on the wire, so errors and logs can scrub them. */
  secrets(): readonly string[];
}
