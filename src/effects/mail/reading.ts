/**
 * One notification read for one reader: the data's fields, names from the directory instead of
 * ids, and states and events in the reader's language. Shared by the subject, the body and the
 * particulars of each kind.
 */
import type { Kind } from '../../kinds/types.js';
import type { Notification } from '../../store/port.js';
import type { DirectoryNames } from './directory-names.js';
import type { Wording } from '../../i18n/index.js';
import { ownValue } from '../../own.js';

/** One labelled line of an e-mail: "Designation number: VN0001". */
export interface MailLine {
  label: string;
  value: string;
}

/** A notification as one reader sees it. */
export class Reading {
  constructor(
    readonly wording: Wording,
    readonly names: DirectoryNames,
    readonly notification: Notification,
  ) {}

  get kind(): Kind {
    return this.notification.kind;
  }

  text(key: string): string | undefined {
    const value = ownValue(this.notification.data, key);
    return typeof value === 'string' ? value : undefined;
  }

  list(key: string): string[] {
    const value = ownValue(this.notification.data, key);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  }

  economy(code: string): string {
    const record = this.names.economies.get(code);
    if (!record) return code;
    return this.wording.language === 'vi' ? (record.nameVi ?? record.name) : record.name;
  }

  cab(): string {
    return this.names.cab?.name ?? this.text('cabId') ?? '';
  }

  principal(id: string): string {
    return this.names.principals.get(id)?.name ?? id;
  }

  state(kind: Kind, state: string): string {
    return ownValue(this.wording.states[kind], state) ?? state;
  }

  /** The words for an event, with `{economy}` filled in with the acting principal's economy. */
  fill(template: string): string {
    const economy = this.notification.actor.economy;
    return template.replace('{economy}', economy === undefined ? '' : this.economy(economy));
  }
}
