// Requests Node's HTTP parser rejects (a broken request line, a bad header, headers over 16 KB) never
// reach express, and Node answers them with a bare status line and no body. The contract says every error
// is {"error": "<sentence>"}, so the server answers them itself.
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';

/** Node's parser error codes (llhttp) with a status of their own; any other is a 400. */
const ANSWERS: Record<string, [number, string, string]> = {
  // Node's default --max-http-header-size is 16 KB.
  HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large', 'The request headers are larger than the 16 KB the runner accepts.'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout', 'The request did not arrive in time; send it again.'],
};

export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const [status, reason, message] = ANSWERS[error.code ?? ''] ?? [400, 'Bad Request', 'The request is not valid HTTP/1.1 and could not be read.'];
    const body = JSON.stringify({ error: message });
    socket.end(`HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  });
}
