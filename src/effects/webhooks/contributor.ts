/** A transition's webhook deliveries, one per endpoint that wants it, written in its own commit. */
import type { CommitContributor } from '../../engine/contributors.js';
import { webhookDeliveries } from './delivery-plan.js';

export const webhooksContributor: CommitContributor = {
  name: 'webhooks',
  async contribute(t, _soFar, { store }) {
    const transition = {
      kind: t.workflow.kind,
      id: t.id,
      seq: t.seq,
      event: t.event.type,
      from: t.from,
      to: t.to,
      at: t.at.toISOString(),
      actor: t.actor,
      data: t.data,
      fields: t.fields,
    };
    return { webhooks: await webhookDeliveries(transition, store) };
  },
};
