/** A real pino logger whose JSON lines a test can read, as the service's log would show them. */
import { pino, type Logger } from 'pino';
import type { LogLine } from './service-process.js';

export interface CapturedLog {
  log: Logger;
  lines: LogLine[];
  /** The lines with this message. */
  withMessage(msg: string): LogLine[];
}

export function captureLog(level: pino.LevelWithSilent = 'debug'): CapturedLog {
  const lines: LogLine[] = [];
  const log = pino({ level, base: null }, { write: (text: string) => lines.push(JSON.parse(text) as LogLine) });
  return { log, lines, withMessage: (msg) => lines.filter((line) => line.msg === msg) };
}
