/**
 * The service as `npm start` runs it, in a child process of its own, on a store the bench has
 * prepared. Its log is read only until it listens; after that the lines are drained and dropped.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

export interface BenchService {
  url: string;
  pid: number;
  /** Milliseconds from spawn to the API listening. */
  startupMs: number;
  /** Milliseconds from spawn to the first answer 200 of `GET /health` (the service; the baseline: to listening). */
  healthMs: number;
  /** Resident set size of the service process, in bytes (from /proc). */
  rss(): number;
  stop(): Promise<void>;
}

/** `nodeArgs` go before the script, e.g. `--cpu-prof` to profile the service. */
export async function startService(env: Record<string, string>, script = 'src/main.ts', nodeArgs: string[] = []): Promise<BenchService> {
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', script], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', LOG_FORMAT: 'json', LOG_LEVEL: 'info', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const url = await new Promise<string>((resolve, reject) => {
    let buffer = '';
    const onData = (chunk: Buffer): void => {
      buffer += chunk.toString('utf8');
      const match = /"url":"(http:\/\/[^"]+)"[^\n]*"msg":"(?:API listening|baseline listening)"/.exec(buffer);
      if (match) {
        child.stdout!.off('data', onData);
        child.stdout!.resume();
        resolve(match[1]!);
      } else if (buffer.length > 1_000_000) buffer = buffer.slice(-10_000);
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before listening:\n${stderr}`)));
  });
  const startupMs = performance.now() - started;
  // The baseline server has no /health: its figure is the moment it listens.
  let healthy = script !== 'src/main.ts';
  while (!healthy) {
    healthy = await fetch(`${url}/health`).then((r) => r.status === 200, () => false);
    if (!healthy) await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const healthMs = performance.now() - started;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url,
    pid: child.pid!,
    startupMs,
    healthMs,
    rss: () => residentBytes(child.pid!),
    stop: async () => {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

function residentBytes(pid: number): number {
  // /proc/<pid>/statm: sizes in pages; the second is the resident set.
  const statm = readProc(`/proc/${pid}/statm`);
  return statm ? Number(statm.split(' ')[1]) * 4096 : Number.NaN;
}

function readProc(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}
