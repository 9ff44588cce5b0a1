/** Runs the load generator (`bench/load/drive.ts`) as a separate process and reads its result. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { LoadResult, LoadSpec } from '../load/spec.js';

const DRIVER = join(import.meta.dirname, '..', 'load', 'drive.ts');

/** The spec goes in on stdin: ten thousand look-up paths are more than a command line may hold. */
function drive(spec: LoadSpec): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', DRIVER], { stdio: ['pipe', 'pipe', 'pipe'], timeout: (spec.seconds + 60) * 1000 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`the load generator exited with ${code}:\n${stderr}`))));
    child.stdin.end(JSON.stringify(spec));
  });
}

export async function load(spec: LoadSpec): Promise<LoadResult> {
  const stdout = await drive(spec);
  const result = JSON.parse(stdout.trim().split('\n').at(-1)!) as LoadResult;
  if (result.errors > 0 || result.non2xx > 0) {
    throw new Error(`load ${spec.scenario} on ${spec.url}: ${result.non2xx} answers not 2xx (${JSON.stringify(result.refused)}) and ${result.errors} errors; the workload is broken`);
  }
  return result;
}
