// The baseline of bench/api-list.mjs: a bare express app on the same machine answering GET /api/v1/scan
// with the same JSON page the runner answers, and nothing else (no auth, no database, no validation).
// Usage (as a child process): node bench/lib/bare-express.mjs <file with the JSON body>; prints its port.
import express from 'express';
import { readFileSync } from 'node:fs';

const page = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const app = express();
app.disable('x-powered-by');
app.set('etag', false);
app.get('/api/v1/scan', (_req, res) => res.json(page));
const server = app.listen(0, '127.0.0.1', () => console.log(server.address().port));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
