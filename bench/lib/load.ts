/** Runs the load generator (`bench/load/drive.ts`) as a separate process and reads its result. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { LoadResult, LoadSpec } from '../load/spec.js';

const run = promisify(execFile);
const DRIVER = join(import.meta.dirname, '..', 'load', 'drive.ts');

export async function load(spec: LoadSpec): Promise<LoadResult> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', DRIVER, JSON.stringify(spec)], {
    maxBuffer: 16 * 1024 * 1024,
    timeout: (spec.seconds + 60) * 1000,
  });
  const result = JSON.parse(stdout.trim().split('\n').at(-1)!) as LoadResult;
  if (result.errors > 0 || result.non2xx > 0) {
    throw new Error(`load ${spec.scenario} on ${spec.url}: ${result.non2xx} answers not 2xx (${JSON.stringify(result.refused)}) and ${result.errors} errors; the workload is broken`);
  }
  return result;
}
