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

/**
 * Starts the service with `env`; once a log line satisfies `until` it is stopped with SIGTERM.
 * Answers every line logged and the exit code. Fails after `timeoutMs`. `started` receives the
 * child process, for a test that ends it another way (SIGKILL in the middle of some work).
 */
export function runService(
  env: Record<string, string>,
  until: (line: LogLine) => boolean,
  timeoutMs = 20_000,
  started?: (child: ChildProcess) => void,
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: { PATH: process.env['PATH'] ?? '', LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    started?.(child);
    const lines: LogLine[] = [];
    let buffer = '';
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`service did not get there in ${timeoutMs} ms; log:\n${JSON.stringify(lines, null, 1)}\n${stderr}`));
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const text = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        if (!text.trim()) continue;
        const line = JSON.parse(text) as LogLine;
        lines.push(line);
        if (until(line)) child.kill('SIGTERM');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ lines, exitCode: code });
    });
  });
}
