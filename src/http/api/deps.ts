/** What the HTTP layer needs from the rest of the service, passed to `createApp`. */
import type { Logger } from 'pino';
import type { Credentials } from '../../access/credentials.js';
import type { AccessSettings } from '../../access/index.js';
import type { Clock } from '../../clock.js';
import type { Engine } from '../../engine/engine.js';
import type { OutboxAdmin } from '../../effects/mail/outbox-admin.js';
import type { BlobStore } from '../../store/blobs.js';
import type { Store } from '../../store/port.js';
import type { Validator } from '../../validation.js';
import type { ServiceMetrics } from '../../metrics/service-metrics.js';
import type { CursorSeal } from './cursors.js';
import type { WebhookEndpoints } from '../../effects/webhooks/endpoints.js';

export interface ApiDeps {
  engine: Engine;
  store: Store;
  validator: Validator;
  clock: Clock;
  log: Logger;
  outboxAdmin: OutboxAdmin;
  /** Organisations' webhook endpoints and their deliveries. */
  webhooks: WebhookEndpoints;
  /** Where attached files are kept (downloads and verification read them). */
  blobs: BlobStore;
  /** The largest file one may attach, in bytes. */
  uploadMaxBytes: number;
  /** How uploads are read (`src/http/common/spooled-uploads.ts`): all files of a request together, requests at once, the folder. */
  uploadLimits: { requestBytes: number; inFlight: number; dir: string };
  /** Requests per minute one client address may make to the public routes. */
  publicRateLimit: number;
  /** Resolves API keys and sessions to principals. */
  credentials: Credentials;
  /** How sign-in and sessions behave (`src/access/`). */
  access: AccessSettings;
  /** Seals the cursors of list answers; by default one with a key of this process alone. */
  cursors?: CursorSeal;
  /** Counts every request; with `metricsOnApi`, `GET /metrics` is served here to admins. */
  metrics?: ServiceMetrics;
  metricsOnApi?: boolean;
  /** Whether start-up is done and the node is not stopping (`/health/ready`); unset: always. */
  ready?: () => boolean;
}
