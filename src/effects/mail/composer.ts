/**
 * Writes the e-mail for one outbox message: reads the names it needs from the directory, picks
 * the recipient's language and lays the content out as text and HTML. A batch reads the directory
 * once for all its messages (`forBatch`).
 */
import type { DirectoryStore, Notification, OutboxMessage } from '../../store/port.js';
import { accountContent } from './account-content.js';
import { mailContent, subjectFor } from './content.js';
import { directoryNames, directoryNamesOf, type DirectoryNames } from './directory-names.js';
import { messageIdFor, threadIdFor, type MailMessage } from './mail-message.js';
import { renderHtml } from './render-html.js';
import { renderText } from './render-text.js';
import { wordings } from '../../i18n/index.js';
import { watchMailContent } from './watch-content.js';
import { watchOfParty } from '../watches/recipients.js';

export interface ComposerOptions {
  directory: DirectoryStore;
  /** Base of the links, e.g. https://mra.example.gov.vn */
  publicUrl: string;
  mailFrom: string;
}

export class MessageComposer {
  readonly #options: ComposerOptions;

  constructor(options: ComposerOptions) {
    this.#options = options;
  }

  /** The whole e-mail for `message`, in its recipient's language. */
  async compose(message: OutboxMessage): Promise<MailMessage> {
    return (await this.forBatch([message]))(message);
  }

  /**
   * Reads from the directory, once, every name the e-mails of `messages` show, and answers what
   * writes each of those e-mails (it throws for a message it cannot write).
   */
  async forBatch(messages: readonly OutboxMessage[]): Promise<(message: OutboxMessage) => MailMessage> {
    const notifications = messages.map((m) => m.notification).filter((n): n is Notification => n !== null);
    const namesOf = await directoryNamesOf(notifications, this.#options.directory);
    return (message) => (message.notification === null ? this.#composeAccountMail(message) : this.#composeNotification(message, message.notification, namesOf(message.notification)));
  }

  #composeNotification(message: OutboxMessage, notification: Notification, names: DirectoryNames): MailMessage {
    const { recipient } = message;
    const { publicUrl, mailFrom } = this.#options;
    const wording = wordings[recipient.language];
    const watch = watchOfParty(recipient.party);
    // A watcher is told less than a party: see watch-content.ts.
    const content = watch
      ? watchMailContent({ notification, recipient, watch, names, wording, publicUrl })
      : mailContent({ notification, recipient, names, wording, publicUrl });
    return {
      outboxId: message.id,
      messageId: messageIdFor(message.id, mailFrom),
      threadId: threadIdFor(notification.kind, notification.instanceId, mailFrom),
      from: mailFrom,
      to: { name: recipient.name, address: recipient.address },
      subject: content.subject,
      text: renderText(content),
      html: renderHtml(content),
      language: recipient.language,
      date: new Date(notification.at),
    };
  }

  #composeAccountMail(message: OutboxMessage): MailMessage {
    const { recipient, account } = message;
    const { mailFrom } = this.#options;
    if (!account) throw new Error(`Outbox message ${message.id} has neither a notification nor an account e-mail.`);
    const content = accountContent(account, recipient, wordings[recipient.language]);
    return {
      outboxId: message.id,
      messageId: messageIdFor(message.id, mailFrom),
      // Each account e-mail stands alone: its own thread.
      threadId: messageIdFor(message.id, mailFrom),
      from: mailFrom,
      to: { name: recipient.name, address: recipient.address },
      subject: content.subject,
      text: renderText(content),
      html: renderHtml(content),
      language: recipient.language,
      date: new Date(account.at),
    };
  }

  /** The subject line alone, as the recipient reads it. */
  async subject(message: OutboxMessage): Promise<string> {
    if (message.notification === null) return wordings[message.recipient.language].signIn.subject;
    const names = await directoryNames(message.notification, this.#options.directory);
    return subjectFor({ notification: message.notification, names, wording: wordings[message.recipient.language] });
  }
}
