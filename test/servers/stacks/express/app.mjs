// A real Express application serving the suite's routes (test/servers/support/contract.ts), with no CORS
// configuration. The adapter pastes the panel's Express snippet at the marker: right after the app is
// created, before any middleware or route, as the snippet's own comment says.
import express from 'express';

const app = express();

// CORS-LENS-SNIPPET

app.use(express.json());

const sessionOf = (cookie = '') => {
  for (const part of cookie.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === 'session') return rest.join('=');
  }
  return null;
};

app.get('/api/simple', (_req, res) => res.json({ route: 'simple' }));
app.post('/api/items', (_req, res) => res.status(201).json({ route: 'items' }));
app.get('/api/me', (req, res) => res.json({ route: 'me', session: sessionOf(req.get('cookie')) }));
app.patch('/api/items/1', (_req, res) => res.json({ route: 'item' }));
app.get('/api/fail', (_req, res) => res.status(500).json({ route: 'fail', error: 'the handler failed' }));
// An unhandled exception: Express's own error handler answers 500.
app.get('/api/crash', () => {
  throw new Error('unhandled exception in the handler');
});

const port = Number(process.env.PORT);
app.listen(port, '127.0.0.1', () => process.stdout.write(`express listening on 127.0.0.1:${port}\n`));
