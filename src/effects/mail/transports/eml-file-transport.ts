/**
 * Without `SMTP_URL`, each e-mail is written as an RFC 822 message, `<outbox id>.eml`, in the mail
 * folder: what would have been sent, byte for byte, openable in any mail client. A message sent
 * again after a crash rewrites its own file rather than adding a second one.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { rawMessage, type MailMessage } from '../mail-message.js';
import type { MailTransport } from './transport.js';

export class EmlFileTransport implements MailTransport {
  readonly kind = 'eml';
  readonly target: string;

  constructor(dir: string) {
    this.target = resolve(dir);
  }

  async send(message: MailMessage): Promise<string> {
    const raw = await rawMessage(message);
    const file = join(this.target, `${message.outboxId}.eml`);
    // Written aside, then renamed: a reader never sees half a message.
    const partial = `${file}.partial`;
    try {
      await writeFile(partial, raw, { mode: 0o600 });
    } catch (error) {
      // The folder is made when the first message finds it missing, not checked for every message.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      // Messages name people and their addresses: the folder and its files are the owner's alone.
      await mkdir(this.target, { recursive: true, mode: 0o700 });
      await writeFile(partial, raw, { mode: 0o600 });
    }
    await rename(partial, file);
    return `written to ${file}`;
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
