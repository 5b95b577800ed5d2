import type { SimResult } from './types.js';

/**
 * Thrown from a {@link SimHandler} (or `ctx.json()`), it becomes the response: `status`, `body`, `headers`.
 * Only for simulator code; client packages never see this class (they see HTTP responses).
 * @public
 */
export class SimHttpError extends Error {
  /** HTTP status to answer with. */
  readonly status: number;
  /** Response body (object → JSON). */
  readonly body: SimResult['body'];
  /** Extra response headers. */
  readonly headers: Record<string, string>;

  constructor(status: number, body?: SimResult['body'], headers?: Record<string, string>) {
    super(`simulated HTTP ${status}`);
    this.name = 'SimHttpError';
    this.status = status;
    this.body = body;
    this.headers = headers ?? {};
  }

  /** The response this error stands for. */
  toResult(): SimResult {
    const result: SimResult = { status: this.status, headers: this.headers };
    if (this.body !== undefined) result.body = this.body;
    return result;
  }
}
