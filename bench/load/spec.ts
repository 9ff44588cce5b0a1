/** What the bench asks of the load generator, and what it answers. */
export interface LoadSpec {
  url: string;
  connections: number;
  seconds: number;
  headers?: Record<string, string>;
  /**
   * `transition`: SUSPEND / RESUME events on `agreements`, each agreement in one request at a time;
   * `create`: POST `path` with `body`, a fresh `reportNumber` each time;
   * `get`: GET each of `paths` in turn; `post`: POST a small JSON body to `path`.
   */
  scenario: 'transition' | 'create' | 'get' | 'post';
  agreements?: string[];
  path?: string;
  body?: string;
  prefix?: string;
  paths?: string[];
}

export interface LoadResult {
  /** Requests answered per second. */
  rate: number;
  ok: number;
  non2xx: number;
  errors: number;
  /** How many answers had each status code that was not 2xx (what broke, when something did). */
  refused: Record<string, number>;
  /** Milliseconds from sending to the whole answer. */
  latency: { p50: number; p95: number; p99: number };
}
