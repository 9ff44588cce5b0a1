/**
 * Runs `src/main.ts` as `npm start` does, in a child process, and reads its JSON log lines.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

export interface RunResult {
  lines: LogLine[];
  exitCode: number | null;
}

interface Spawned {
  child: ChildProcess;
  lines: LogLine[];
  /** Settles when the process exits. */
  exited: Promise<RunResult>;
  stderr(): string;
}

/** Starts the service (PORT 0 unless given) and calls `onLine` for each log line. */
function spawnService(env: Record<string, string>, onLine: (line: LogLine) => void): Spawned {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', LOG_LEVEL: 'info', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: LogLine[] = [];
  let buffer = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    let newline: number;
    while ((newline = buffer.indexOf('\n')) >= 0) {
      const text = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      if (!text.trim()) continue;
      const line = JSON.parse(text) as LogLine;
      lines.push(line);
      onLine(line);
    }
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<RunResult>((resolve) => child.on('exit', (code) => resolve({ lines, exitCode: code })));
  return { child, lines, exited, stderr: () => stderr };
}

function timeout<T>(promise: Promise<T>, ms: number, what: () => string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(what())), ms))),
  ]);
}

/**
 * Starts the service with `env`; once a log line satisfies `until` it is stopped with SIGTERM.
 * Answers every line logged and the exit code. Fails after `timeoutMs`. `started` receives the
 * child process, for a test that ends it another way (SIGKILL in the middle of some work).
 */
export async function runService(
  env: Record<string, string>,
  until: (line: LogLine) => boolean,
  timeoutMs = 20_000,
  started?: (child: ChildProcess) => void,
): Promise<RunResult> {
  const spawned: Spawned = spawnService(env, (line) => {
    if (until(line)) spawned.child.kill('SIGTERM');
  });
  started?.(spawned.child);
  try {
    return await timeout(spawned.exited, timeoutMs, () => `service did not finish in ${timeoutMs} ms; log:\n${JSON.stringify(spawned.lines, null, 1)}\n${spawned.stderr()}`);
  } catch (error) {
    spawned.child.kill('SIGKILL');
    throw error;
  }
}

export interface RunningService {
  /** Where the API listens. */
  url: string;
  /** The service's process id (its memory is read from /proc by the upload test). */
  pid: number;
  /** The log lines so far. */
  lines: LogLine[];
  /** SIGTERM, then the exit code and every line logged. */
  stop(): Promise<RunResult>;
  /** Sends `signal` (SIGKILL: a crash, no clean-up at all) and answers once the process has exited. */
  kill(signal: NodeJS.Signals): Promise<RunResult>;
}

/** Starts the service and answers once its API listens; stop it with `stop()`. */
export async function startServiceProcess(env: Record<string, string>, timeoutMs = 20_000): Promise<RunningService> {
  let listening!: (url: string) => void;
  const ready = new Promise<string>((resolve) => (listening = resolve));
  const spawned = spawnService(env, (line) => {
    if (line.msg === 'API listening') listening(String(line['url']));
  });
  let url: string;
  try {
    url = await timeout(
      Promise.race([ready, spawned.exited.then((r) => Promise.reject(new Error(`service exited with ${r.exitCode}: ${JSON.stringify(r.lines)}`)))]),
      timeoutMs,
      () => `service did not listen in ${timeoutMs} ms; log:\n${JSON.stringify(spawned.lines, null, 1)}\n${spawned.stderr()}`,
    );
  } catch (error) {
    spawned.child.kill('SIGKILL');
    throw error;
  }
  return {
    url,
    pid: spawned.child.pid!,
    lines: spawned.lines,
    stop: () => {
      spawned.child.kill('SIGTERM');
      return spawned.exited;
    },
    kill: (signal) => {
      spawned.child.kill(signal);
      return spawned.exited;
    },
  };
}
