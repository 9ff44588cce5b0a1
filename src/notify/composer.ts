/**
 * Writes the e-mail for one outbox message: reads the names it needs from the directory, picks
 * the recipient's language and lays the content out as text and HTML.
 */
import type { DirectoryStore, OutboxMessage } from '../store/port.js';
import { accountContent } from './account-content.js';
import { mailContent, subjectFor } from './content.js';
import { directoryNames } from './directory-names.js';
import { messageIdFor, threadIdFor, type MailMessage } from './mail-message.js';
import { renderHtml } from './render-html.js';
import { renderText } from './render-text.js';
import { wordings } from '../i18n/index.js';

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
    const { notification, recipient } = message;
    const { directory, publicUrl, mailFrom } = this.#options;
    if (notification === null) return this.#composeAccountMail(message);
    const names = await directoryNames(notification, directory);
    const content = mailContent({ notification, recipient, names, wording: wordings[recipient.language], publicUrl });
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
