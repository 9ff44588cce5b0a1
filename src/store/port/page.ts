/** A page of a list and where the next one starts: the cursor is the adapter's own, opaque to callers. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
