/** The outbox for an administrator: counts by status, and each message given up with its error. */
import type { DeadLetter } from '../../../effects/mail/outbox-admin.js';
import type { OutboxStatus } from '../../../store/port.js';
import type { PageContext } from '../context.js';
import { CsrfField } from '../components/form-parts.js';
import { Instant } from '../components/names.js';

export function OutboxPage({ context, view, requeued }: { context: PageContext; view: { counts: Record<OutboxStatus, number>; dead: DeadLetter[] }; requeued: boolean }) {
  const { text } = context;
  const t = text.outbox;
  return (
    <>
      <h1>{t.title}</h1>
      {requeued && <div class="notice" role="status">{t.requeued}</div>}
      <h2>{t.counts}</h2>
      <dl class="data counts">
        {(['pending', 'sent', 'dead'] as const).map((status) => (
          <div>
            <dt>{t.status[status]}</dt>
            <dd>{view.counts[status]}</dd>
          </div>
        ))}
      </dl>
      <h2>{t.dead}</h2>
      {view.dead.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t.recipient}</th>
                <th scope="col">{t.subject}</th>
                <th scope="col">{t.attempts}</th>
                <th scope="col">{t.error}</th>
                <th scope="col"><span class="visually-hidden">{t.requeue}</span></th>
              </tr>
            </thead>
            <tbody>
              {view.dead.map((letter) => (
                <tr>
                  <td>{letter.recipient.name}<br /><span class="muted">{letter.recipient.address}</span></td>
                  <td>{letter.subject}<br /><span class="muted"><Instant context={context} iso={letter.createdAt} /></span></td>
                  <td>{letter.attempts}</td>
                  <td><code>{letter.lastError ?? ''}</code></td>
                  <td>
                    <form method="post" action={`/outbox/${encodeURIComponent(letter.id)}/requeue`}>
                      <CsrfField context={context} />
                      <button class="button button-secondary" aria-label={`${t.requeue}: ${letter.subject}`}>{t.requeue}</button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
