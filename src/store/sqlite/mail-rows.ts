/**
 * How a transition's e-mail is kept in SQLite: once, on its history row, and only what that row
 * does not already say. The history row has the event, the states, the instant, the actor, the
 * payload and the cause; the `mail` column adds the instance's data after the transition and the
 * deadlines then pending. An outbox message is read back joined to its history row, and its
 * notification put together from both. Rows written by older releases keep the whole notification
 * in `notification`, which is read as it is.
 */
import type { Notification } from '../port.js';
import { packJson } from './packed-json.js';
import { parseJson } from './rows.js';

/** The columns of the history row (aliased `h`) a notification is put together from. */
export const NOTIFICATION_COLUMNS = `h.type AS mail_event, h.from_state AS mail_from, h.to_state AS mail_to, h.at AS mail_at,
  h.actor AS mail_actor, h.payload AS mail_payload, h.cause AS mail_cause, h.notification AS mail_notification, h.mail AS mail_rest`;

/**
 * What `NOTIFICATION_COLUMNS` select, beside the outbox row's own kind, instance and seq. A row, not
 * a shape derived from `TransitionRecord`: its names are SQLite's column aliases, every cell may be
 * NULL (an account e-mail has no history row), and JSON cells are text or packed bytes; `notificationOf`
 * turns it into the port's `Notification`.
 */
export interface NotificationColumns {
  kind: string;
  instance_id: string;
  seq: number;
  mail_event: string | null;
  mail_from: string | null;
  mail_to: string | null;
  mail_at: string | null;
  mail_actor: JsonCell | null;
  mail_payload: JsonCell | null;
  mail_cause: JsonCell | null;
  mail_notification: string | null;
  mail_rest: JsonCell | null;
}

/** A JSON cell: plain text, or packed by packed-json.ts. */
type JsonCell = string | Uint8Array;

type MailRest = Pick<Notification, 'data' | 'deadlines'>;

/** The `mail` column of a transition's history row: what its e-mails need beyond the transition record the row holds. */
export function mailColumn(notification: Notification): Buffer {
  const rest: MailRest = { data: notification.data, deadlines: notification.deadlines };
  return packJson(rest);
}

/** The notification of an outbox message, from its history row; null when the row has none. */
export function notificationOf(row: NotificationColumns): Notification | null {
  if (row.mail_notification !== null) return parseJson<Notification>(row.mail_notification);
  if (row.mail_rest === null) return null;
  const rest = parseJson<MailRest>(row.mail_rest);
  return {
    kind: row.kind as Notification['kind'],
    instanceId: row.instance_id,
    seq: row.seq,
    event: row.mail_event!,
    from: row.mail_from,
    to: row.mail_to!,
    at: row.mail_at!,
    actor: parseJson(row.mail_actor!),
    payload: parseJson(row.mail_payload!),
    data: rest.data,
    deadlines: rest.deadlines,
    ...(row.mail_cause === null ? {} : { cause: parseJson(row.mail_cause) }),
  };
}
