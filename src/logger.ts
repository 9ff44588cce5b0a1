/**
 * The service's logger: pino, structured. People at a terminal get readable lines (pino-pretty);
 * anything else (a pipe, a container's log collector, the tests) gets one JSON object a line.
 */
import { pino, type Logger } from 'pino';

export function createLogger(options: { level: string; format: 'pretty' | 'json' | null }): Logger {
  const pretty = options.format === 'pretty' || (options.format === null && process.stdout.isTTY === true);
  return pino({
    level: options.level,
    base: { service: 'mra-engine' },
    ...(pretty ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:yyyy-mm-dd HH:MM:ss', ignore: 'pid,hostname,service' } } } : {}),
  });
}
