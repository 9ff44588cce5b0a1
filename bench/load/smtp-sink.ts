/**
 * The drain part's SMTP sink, run as a process of its own (as the HTTP load generator is), so the
 * CPU that smtp-server spends reading messages is not counted against the dispatcher it measures.
 * It accepts everything, counts what it took, and speaks with its parent over the IPC channel:
 * it sends `{ port }` once it listens, answers `'count'` with `{ received }`, and exits on
 * `'close'` or when the parent goes away.
 */
import { SMTPServer } from 'smtp-server';

let received = 0;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, _session, callback) {
    stream.on('data', () => undefined);
    stream.on('end', () => {
      received += 1;
      callback();
    });
  },
});

server.listen(0, '127.0.0.1', () => {
  const address = server.server.address();
  process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
});
process.on('message', (message) => {
  if (message === 'count') process.send?.({ received });
  if (message === 'close') server.close(() => process.exit(0));
});
process.on('disconnect', () => process.exit(0));
