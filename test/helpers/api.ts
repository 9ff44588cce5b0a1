/**
 * The HTTP API on a real server (port 0) over a test world: real SQLite file, the seed's
 * principals with their demo keys, the engine on a manual clock. Requests go through `fetch`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pino } from 'pino';
import { accessSettings, credentialsFor } from '../../src/access/index.js';
import { createApp } from '../../src/http/api/app.js';
import type { ApiDeps } from '../../src/http/api/deps.js';
import { listen, type RunningServer } from '../../src/http/api/server.js';
import { loadConfig } from '../../src/config.js';
import { DocumentKeeper } from '../../src/engine/documents.js';
import { Engine } from '../../src/engine/engine.js';
import { commitContributors } from '../../src/effects/contributors.js';
import { ServiceMetrics } from '../../src/metrics/service-metrics.js';
import { outboxAdmin } from '../../src/effects/mail/index.js';
import { Validator } from '../../src/validation.js';
import { webhookParts, type Resolver } from '../../src/effects/webhooks/index.js';
import { World } from './world.js';

const seedKeys = new Map(
  (JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'seed', 'principals.json'), 'utf8')) as Array<{ id: string; apiKey: string }>).map(
    (p) => [p.id, p.apiKey],
  ),
);

export interface Answer<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
  /** The body as received, byte for byte. */
  bytes: Buffer;
}

export interface RequestOptions {
  /** A principal id: its demo key is sent. */
  as?: string;
  /** An API key to send as the bearer key, instead of `as`. */
  key?: string;
  body?: unknown;
  /** Sent as is, instead of `body` as JSON. */
  raw?: string;
  /** Sent as multipart/form-data (fetch writes the boundary). */
  form?: FormData;
  headers?: Record<string, string>;
}

/** What `createApp` needs, over a test world: the service's own parts, on the world's clock. */
export function apiDeps(world: World, options: { publicRateLimit?: number; authFailureLimit?: number; signInLinksPerAddress?: number; env?: Record<string, string>; resolver?: Resolver } = {}): ApiDeps {
  const config = loadConfig(options.env ?? {});
  return {
    engine: world.engine,
    store: world.store,
    validator: new Validator(),
    clock: world.clock,
    log: pino({ level: 'silent' }),
    outboxAdmin: outboxAdmin({ config, store: world.store, clock: world.clock }),
    webhooks: webhookParts({ config, store: world.store, clock: world.clock, ...(options.resolver ? { resolver: options.resolver } : {}) }).endpoints,
    blobs: world.blobs,
    uploadMaxBytes: world.uploadMaxBytes,
    uploadLimits: { requestBytes: config.uploadRequestMaxBytes, inFlight: config.uploadsInFlight, dir: config.uploadDir },
    publicRateLimit: options.publicRateLimit ?? 10_000,
    credentials: credentialsFor(config, world.store, world.clock),
    access: { ...accessSettings(config), failureLimit: options.authFailureLimit ?? 10_000, signInLinksPerAddress: options.signInLinksPerAddress ?? 10_000 },
  };
}

export class ApiWorld {
  readonly world: World;
  readonly server: RunningServer;
  readonly #deps: ApiDeps;

  private constructor(world: World, server: RunningServer, deps: ApiDeps) {
    this.world = world;
    this.server = server;
    this.#deps = deps;
  }

  /** The webhook endpoints the API serves, to set one up without a request. */
  webhooks(): ApiDeps['webhooks'] {
    return this.#deps.webhooks;
  }

  static async create(
    options: { publicRateLimit?: number; start?: string; authFailureLimit?: number; signInLinksPerAddress?: number; metrics?: boolean; uploadMaxBytes?: number; env?: Record<string, string>; resolver?: Resolver } = {},
  ): Promise<ApiWorld> {
    const world = await World.create({
      ...(options.start ? { start: options.start } : {}),
      ...(options.uploadMaxBytes ? { uploadMaxBytes: options.uploadMaxBytes } : {}),
    });
    const metrics = options.metrics ? new ServiceMetrics({ store: world.store, clock: world.clock }) : undefined;
    // With metrics, the API's engine times its commits as the service's does.
    const engine = metrics
      ? new Engine({ contributors: commitContributors(), store: metrics.timingCommits(world.store), clock: world.clock, durations: world.engine.durations, nodeId: 'test-node', documents: new DocumentKeeper({ blobs: world.blobs, store: world.store, maxBytes: world.uploadMaxBytes }) })
      : world.engine;
    const deps: ApiDeps = { ...apiDeps(world, options), ...(metrics ? { metrics, metricsOnApi: true } : {}), engine };
    return new ApiWorld(world, await listen(createApp(deps), 0), deps);
  }

  async close(): Promise<void> {
    await this.server.close();
    await this.world.close();
  }

  /** The API key of a seeded principal, or of a lab added with `world.addLab()`. */
  keyOf(principalId: string): string {
    return seedKeys.get(principalId) ?? `${principalId.replace(/-user$/, '')}-key-0123456789`;
  }

  async request<T = Record<string, unknown>>(method: string, path: string, options: RequestOptions = {}): Promise<Answer<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.key) headers['Authorization'] = `Bearer ${options.key}`;
    else if (options.as) headers['Authorization'] = `Bearer ${this.keyOf(options.as)}`;
    let body: string | FormData | undefined = options.form ?? options.raw;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['Content-Type'] ??= 'application/json';
    }
    const response = await fetch(`${this.server.url}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
    // Decoded by hand: response.text() would drop a byte-order mark, which CSV answers carry on purpose.
    const bytes = Buffer.from(await response.arrayBuffer());
    const text = bytes.toString('utf8');
    const type = response.headers.get('content-type') ?? '';
    return { status: response.status, headers: response.headers, text, bytes, body: (type.includes('json') ? JSON.parse(text) : text) as T };
  }

  get<T = Record<string, unknown>>(path: string, as?: string, headers?: Record<string, string>): Promise<Answer<T>> {
    return this.request<T>('GET', path, { ...(as ? { as } : {}), ...(headers ? { headers } : {}) });
  }

  post<T = Record<string, unknown>>(path: string, body: unknown, as?: string, headers?: Record<string, string>): Promise<Answer<T>> {
    return this.request<T>('POST', path, { body, ...(as ? { as } : {}), ...(headers ? { headers } : {}) });
  }
}
