/** Watchers as recipients of a transition's e-mail, after its parties (a watcher who is a party hears once). */
import type { CommitContributor } from '../../engine/contributors.js';
import { watcherRecipients } from './recipients.js';

export const watchersContributor: CommitContributor = {
  name: 'watches',
  async contribute(t, soFar, { store }) {
    const transition = { kind: t.workflow.kind, id: t.id, from: t.from, to: t.to, data: t.data };
    return { recipients: await watcherRecipients(transition, soFar.recipients, store) };
  },
};
