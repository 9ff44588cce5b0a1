/** An organisation's webhook endpoints in MongoDB; their deliveries are a queue (`queues.ts`). */
import type { WebhookEndpointRecord, WebhookEndpointStore } from '../port.js';
import * as q from './queries.js';
import type { Runner } from './run.js';
import { COLLECTIONS, fromKeyed, toKeyed } from './shapes.js';

export class MongoWebhookEndpoints implements WebhookEndpointStore {
  readonly #run: Runner;

  constructor(run: Runner) {
    this.#run = run;
  }

  putWebhookEndpoint(endpoint: WebhookEndpointRecord): Promise<void> {
    return this.#run.put(COLLECTIONS.webhookEndpoints, toKeyed(endpoint, 'id'));
  }

  async getWebhookEndpoint(id: string): Promise<WebhookEndpointRecord | null> {
    const doc = await this.#run.one<{ _id: string }>(q.byId(COLLECTIONS.webhookEndpoints, id));
    return doc === null ? null : fromKeyed<'id', WebhookEndpointRecord>(doc, 'id');
  }

  async listWebhookEndpoints(query: { organisation?: string; activeOnly?: boolean }): Promise<WebhookEndpointRecord[]> {
    return (await this.#run.all<{ _id: string }>(q.webhookEndpoints(query))).map((d) => fromKeyed<'id', WebhookEndpointRecord>(d, 'id'));
  }
}
