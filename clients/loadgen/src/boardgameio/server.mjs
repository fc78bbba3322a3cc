// A boardgame.io 0.50 server (socket.io transport, in-memory storage) for the compare mode, on a free port of
// 127.0.0.1 only. Prints "Now listening on: http://127.0.0.1:PORT" as the .NET servers do.
import { createRequire } from 'node:module';
import { GroupGame } from './game.mjs';

const { Server } = createRequire(import.meta.url)('boardgame.io/server');

const server = Server({ games: [GroupGame], origins: [/^http:\/\/127\.0\.0\.1(:\d+)?$/] });
// Server.run listens on every interface; socket.io's patched app.listen passes its arguments on to http's listen.
const listen = server.app.listen;
server.app.listen = (port, callback) => listen.call(server.app, port, '127.0.0.1', callback);
const { appServer } = await server.run({ port: 0 });
console.log(`Now listening on: http://127.0.0.1:${appServer.address().port}`);
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => { server.kill({ appServer }); process.exit(0); });
