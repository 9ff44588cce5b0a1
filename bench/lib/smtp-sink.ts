/** Starts the SMTP sink (`bench/load/smtp-sink.ts`) as a child process and talks to it. */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const SINK = join(import.meta.dirname, '..', 'load', 'smtp-sink.ts');

export interface SmtpSink {
  url: string;
  /** Messages the sink has taken so far. */
  received(): Promise<number>;
  close(): Promise<void>;
}

function reply<T>(child: ChildProcess, pick: (message: unknown) => T | undefined): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: unknown): void => {
      const value = pick(message);
      if (value === undefined) return;
      child.off('message', onMessage).off('exit', onExit);
      resolve(value);
    };
    const onExit = (code: number | null): void => reject(new Error(`the SMTP sink exited (${code}) before answering`));
    child.on('message', onMessage).once('exit', onExit);
  });
}

const field = (name: string) => (message: unknown): number | undefined =>
  typeof message === 'object' && message !== null && typeof (message as Record<string, unknown>)[name] === 'number' ? ((message as Record<string, number>)[name]) : undefined;

export async function startSmtpSink(): Promise<SmtpSink> {
  const child = fork(SINK, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await reply(child, field('port'));
  return {
    url: `smtp://127.0.0.1:${port}`,
    received: () => {
      const answer = reply(child, field('received'));
      child.send('count');
      return answer;
    },
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.send('close');
      }),
  };
}
