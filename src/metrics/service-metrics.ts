/**
 * What an operator watches, in the Prometheus text format through prom-client: requests by route
 * and status, commit latency, the outbox and the deadlines as the store has them at each scrape,
 * cascade failures, and the process's own metrics (CPU, memory, event-loop lag, handles).
 */
import type { RequestHandler } from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Clock } from '../clock.js';
import { isAppError } from '../errors.js';
import type { QueueFigureStore, Store } from '../store/port.js';

/** Seconds: from a fast read to a commit that waited for a busy disk. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export class ServiceMetrics {
  readonly registry = new Registry();
  readonly #store: QueueFigureStore;
  readonly #clock: Clock;
  readonly #requests = new Counter({ name: 'mra_http_requests_total', help: 'HTTP requests answered, by route and status', labelNames: ['method', 'route', 'status'] as const, registers: [this.registry] });
  readonly #requestSeconds = new Histogram({
    name: 'mra_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly #commitSeconds = new Histogram({
    name: 'mra_commit_duration_seconds',
    help: 'Time to write one transition (state, history, e-mails, deadlines) to the store, by outcome: ok, conflict (version or uniqueness) or error',
    labelNames: ['outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly #cascadeFailures = new Counter({ name: 'mra_cascade_failures_total', help: 'Cascades (fan-outs to other instances) that failed and were left for the scheduler to retry', registers: [this.registry] });
  readonly #outbox = new Gauge({ name: 'mra_outbox_messages', help: 'E-mails in the outbox waiting to be sent (pending) or given up (dead)', labelNames: ['status'] as const, registers: [this.registry] });
  readonly #oldestPending = new Gauge({ name: 'mra_outbox_oldest_pending_age_seconds', help: 'Age of the oldest e-mail still waiting to be sent; 0 when none is', registers: [this.registry] });
  readonly #deadLetters = new Gauge({ name: 'mra_outbox_dead_letters', help: 'E-mails given up as dead (GET /admin/outbox lists them; requeue once the cause is fixed)', registers: [this.registry] });
  readonly #deadlinesDue = new Gauge({ name: 'mra_deadlines_due', help: 'Pending deadlines whose time has come (the scheduler fires them within an interval)', registers: [this.registry] });
  readonly #deadlinesFailing = new Gauge({ name: 'mra_deadlines_failing', help: 'Pending deadlines whose firing failed at least once, waiting to be tried again', registers: [this.registry] });
  readonly #cascadesFailing = new Gauge({ name: 'mra_cascades_failing', help: 'Pending cascades whose run failed at least once, waiting to be tried again', registers: [this.registry] });

  /** @param options.processMetrics the process's own metrics too (off in tests that build many). */
  constructor(options: { store: QueueFigureStore; clock: Clock; processMetrics?: boolean }) {
    this.#store = options.store;
    this.#clock = options.clock;
    if (options.processMetrics ?? true) collectDefaultMetrics({ register: this.registry });
  }

  /** The content type of `text()`. */
  get contentType(): string {
    return this.registry.contentType;
  }

  /** The scrape: the queue gauges read from the store now, then every metric in the text format. */
  async text(): Promise<string> {
    const now = this.#clock.now();
    const figures = await this.#store.queueFigures(now.toISOString());
    this.#outbox.set({ status: 'pending' }, figures.outbox.pending);
    this.#outbox.set({ status: 'dead' }, figures.outbox.dead);
    this.#deadLetters.set(figures.outbox.dead);
    const oldest = figures.outbox.oldestPendingAt;
    this.#oldestPending.set(oldest === null ? 0 : Math.max(0, (now.getTime() - Date.parse(oldest)) / 1000));
    this.#deadlinesDue.set(figures.deadlines.due);
    this.#deadlinesFailing.set(figures.deadlines.failing);
    this.#cascadesFailing.set(figures.deadlines.failingCascades);
    return this.registry.metrics();
  }

  /**
   * Counts and times every request once answered. The route is the pattern that matched
   * (`/test-reports/:id`), or `unmatched`, so paths people make up do not become labels.
   */
  httpMiddleware(): RequestHandler {
    return (request, response, next) => {
      const stop = this.#requestSeconds.startTimer();
      response.once('finish', () => {
        const matched = (request.route as { path?: unknown } | undefined)?.path;
        const labels = { method: request.method, route: typeof matched === 'string' ? matched : 'unmatched', status: String(response.statusCode) };
        this.#requests.inc(labels);
        stop(labels);
      });
      next();
    };
  }

  /** The engine's report of background failures, counted before it is logged. */
  countBackgroundFailure(context: Record<string, unknown>): void {
    if ('cascade' in context) this.#cascadeFailures.inc();
  }

  /** The store, with every commit timed. Every other method is the store's own. */
  timingCommits(store: Store): Store {
    const seconds = this.#commitSeconds;
    const commit: Store['commit'] = async (plan) => {
      const stop = seconds.startTimer();
      try {
        await store.commit(plan);
        stop({ outcome: 'ok' });
      } catch (error) {
        stop({ outcome: isAppError(error, 'VERSION_CONFLICT') || isAppError(error, 'DUPLICATE') ? 'conflict' : 'error' });
        throw error;
      }
    };
    return new Proxy(store, {
      get(target, property) {
        if (property === 'commit') return commit;
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
  }
}
