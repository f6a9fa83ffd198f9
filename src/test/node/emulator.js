'use strict';
// Starts telegram-test-api on 127.0.0.1:<port> with the fixes our tests need:
// - sendChatAction, setMyCommands and getMe answered as the real Bot API does;
// - dates of sent messages in seconds (the emulator uses milliseconds);
// - getUpdates waits (up to its timeout, at most 2 s) for an update instead of returning at once;
// - GET /_calls lists the bot's calls to methods the emulator does not keep (answerCallbackQuery,
//   sendChatAction, setMyCommands), so tests can check them.
// Prints "READY <port>" on stdout once listening.

const { routes } = require('telegram-test-api/lib/routes/index');
const { handle } = require('telegram-test-api/lib/routes/bot/utils');
const { TelegramServer } = require('telegram-test-api/lib/telegramServer');

const port = Number(process.argv[2]);
if (!port) {
  console.error('usage: node emulator.js <port>');
  process.exit(2);
}

const BOT = { id: 7001, is_bot: true, first_name: 'Guizhou Bot', username: 'GuizhouTestBot' };
const calls = [];

function record(method, req) {
  calls.push({ method, token: req.params.token, body: req.body, at: Date.now() });
}

const ours = [
  (app) => handle(app, '/bot:token/getMe', (req, res) => res.sendResult({ ok: true, result: BOT })),
  (app) => handle(app, '/bot:token/sendChatAction', (req, res) => {
    record('sendChatAction', req);
    res.sendResult({ ok: true, result: true });
  }),
  (app) => handle(app, '/bot:token/setMyCommands', (req, res) => {
    record('setMyCommands', req);
    res.sendResult({ ok: true, result: true });
  }),
  (app) => handle(app, '/bot:token/answerCallbackQuery', (req, res) => {
    record('answerCallbackQuery', req);
    res.sendResult({ ok: true, result: true });
  }),
  (app, server) => handle(app, '/bot:token/sendMessage', (req, res) => {
    const result = server.addBotMessage(req.body, req.params.token);
    result.date = Math.floor(result.date / 1000);
    result.from = BOT;
    res.sendResult({ ok: true, result });
  }),
  (app, server) => handle(app, '/bot:token/getUpdates', (req, res) => {
    const token = req.params.token;
    const wanted = Math.min(Number((req.body && req.body.timeout) || 0), 2) * 1000;
    const deadline = Date.now() + wanted;
    const poll = () => {
      const pending = server.storage.userMessages.some((u) => u.botToken === token && !u.isRead);
      if (pending || Date.now() >= deadline) {
        res.sendResult({ ok: true, result: server.getUpdates(token) });
      } else {
        setTimeout(poll, 20);
      }
    };
    poll();
  }),
  (app) => app.get('/_calls', (req, res) => res.json({ ok: true, result: calls })),
];

// Our routes go first so that they win over the emulator's own and its catch-all.
routes.unshift(...ours);

const server = new TelegramServer({ port, host: '127.0.0.1', storeTimeout: 600 });
server.start().then(() => {
  console.log(`READY ${port}`);
}, (err) => {
  console.error(`cannot start: ${err}`);
  process.exit(1);
});

const stop = () => server.stop().finally(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
