/**
 * Sends requests all at once from a Node process of its own, as separate clients do: from the
 * test's own process the server would mostly answer them one after the other, and requests that
 * are never in flight together cannot show what happens when they are.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

export interface PlainRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

const CLIENT = `
const [url, requests] = [process.argv[1], JSON.parse(process.argv[2])];
const statuses = await Promise.all(requests.map((r) => fetch(url + r.path, { method: r.method, headers: r.headers, body: r.body }).then(async (a) => (await a.arrayBuffer(), a.status))));
process.stdout.write(JSON.stringify(statuses));
`;

/** The status of each answer, in the order of `requests`. */
export async function sendTogether(url: string, requests: PlainRequest[]): Promise<number[]> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', CLIENT, url, JSON.stringify(requests)]);
  return JSON.parse(stdout) as number[];
}
