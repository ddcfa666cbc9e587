/**
 * Preloaded into a process (`node --import …/record-connections.ts`, also through NODE_OPTIONS, so
 * the processes it starts load it too): appends one line per outgoing network connection —
 * `host:port`, whatever opened it (fetch, http, https, net) — to the file named by
 * NEWSROOM_CONNECTION_LOG. Local (Unix) sockets and pipes are not network connections.
 */
import { appendFileSync } from 'node:fs';
import { Socket } from 'node:net';

const log = process.env.NEWSROOM_CONNECTION_LOG;
if (log) {
  const connect = Socket.prototype.connect;
  Socket.prototype.connect = function (this: Socket, ...args: unknown[]) {
    // net.connect() passes its arguments on normalised, as an array whose first item is the options.
    const first = Array.isArray(args[0]) ? args[0][0] : args[0];
    const options = (typeof first === 'object' && first !== null ? first : { port: first, host: args[1] }) as {
      port?: unknown;
      host?: unknown;
      path?: unknown;
    };
    if (options.path === undefined) {
      appendFileSync(log, `${String(options.host ?? 'localhost')}:${String(options.port)}\n`);
    }
    return connect.apply(this, args as Parameters<typeof connect>);
  } as typeof connect;
}
