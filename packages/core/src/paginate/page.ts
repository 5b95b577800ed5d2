/** One page of results. @public */
export interface Page<T, C = string> {
  readonly items: readonly T[];
  /** Cursor of the next page: an opaque token, a next URL, or an offset. */
  readonly nextCursor?: C | undefined;
  readonly hasMore: boolean;
}
