// Reading a response body without trusting its size: the stream is read chunk by chunk, decoded as the
// server's content-encoding says, and cut off once the decoded bytes pass the cap. A 1 KB gzip that
// inflates to 1 GB (a zip bomb) or a body that never ends costs at most the cap in memory.
import { pipeline, Transform, type Readable } from 'node:stream';
import zlib from 'node:zlib';
import { DecodeError } from './fetch-errors.js';

/** What we send in accept-encoding: the codings node:zlib can undo (zstd needs Node 22.15+). */
export const ACCEPT_ENCODING = 'gzip, deflate, br';

export interface BodyRead {
  body: Buffer;
  truncated: boolean;
  /** Bytes received from the wire, before decoding. */
  transferBytes: number;
}

type Coding = 'gzip' | 'deflate' | 'br';

/** The codings to undo, in the order applied by the server, or undefined when one is unknown (kept raw). */
export function parseContentEncoding(value: string | undefined): Coding[] | undefined {
  if (value === undefined) return [];
  const codings: Coding[] = [];
  for (const token of value.toLowerCase().split(',')) {
    const c = token.trim();
    if (c === '' || c === 'identity') continue;
    if (c === 'gzip' || c === 'x-gzip') codings.push('gzip');
    else if (c === 'deflate' || c === 'br') codings.push(c);
    else return undefined;
  }
  return codings;
}

/** "deflate" should be zlib-wrapped (RFC 9110 §8.4.1.2) but some servers send raw deflate; sniff the header. */
function inflater(): Transform {
  let decoder: Transform | undefined;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      if (!decoder) {
        // A zlib header's first byte names method 8 in its low nibble (RFC 1950 §2.2).
        decoder = (chunk[0]! & 0x0f) === 8 ? zlib.createInflate() : zlib.createInflateRaw();
        decoder.on('data', (out: Buffer) => this.push(out));
        decoder.on('error', (err) => this.destroy(err));
      }
      if (decoder.write(chunk)) done();
      else decoder.once('drain', () => done());
    },
    flush(done) {
      if (!decoder) return done();
      decoder.once('end', () => done());
      decoder.end();
    },
    destroy(err, done) {
      decoder?.destroy();
      done(err);
    },
  });
}

function decoder(coding: Coding): Transform {
  if (coding === 'gzip') return zlib.createGunzip();
  if (coding === 'br') return zlib.createBrotliDecompress();
  return inflater();
}

/**
 * Reads `source` into at most `cap` decoded bytes. Destroys the source when the cap is reached, so the
 * connection closes rather than draining the rest. Rejects with the stream's error (timeouts, aborts) or
 * with a DecodeError when the body is not what its content-encoding claims.
 */
export async function readBody(source: Readable, contentEncoding: string | undefined, cap: number): Promise<BodyRead> {
  const codings = parseContentEncoding(contentEncoding) ?? [];
  if (codings.length === 0) return readPlain(source, cap);
  let transferBytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      transferBytes += chunk.length;
      done(null, chunk);
    },
  });
  // Undo the codings in reverse order of application (RFC 9110 §8.4).
  const decoders = codings.slice().reverse().map(decoder);
  // When the transport fails, the pipeline destroys the decoders with the transport's error; only an error
  // a decoder raises itself means the body is not what its content-encoding claims.
  let transportFailure: Error | undefined;
  let decodeFailure: Error | undefined;
  source.once('error', (err) => (transportFailure ??= err));
  for (const d of decoders) d.once('error', (err) => err !== transportFailure && (decodeFailure ??= err));
  // The pipeline's own callback has nothing to add: errors reach the loop below through the last stream.
  const tail = pipeline([source, counter, ...decoders], () => undefined) as unknown as Readable;

  const chunks: Buffer[] = [];
  let size = 0;
  let truncated = false;
  try {
    for await (const chunk of tail as AsyncIterable<Buffer>) {
      if (size + chunk.length > cap) {
        chunks.push(chunk.subarray(0, cap - size));
        size = cap;
        truncated = true;
        break;
      }
      chunks.push(chunk);
      size += chunk.length;
    }
  } catch (err) {
    // A decoder that failed first is the cause; anything else is the transport's (abort, timeout, reset).
    // An empty body labelled gzip (HEAD, 204, 304, or a lazy server) is just empty.
    if (decodeFailure && transferBytes === 0) return { body: Buffer.alloc(0), truncated: false, transferBytes };
    if (decodeFailure) throw new DecodeError(codings.join(', '), decodeFailure);
    throw err;
  } finally {
    if (truncated) source.destroy();
  }
  return { body: Buffer.concat(chunks, size), truncated, transferBytes };
}

/** The common case of no content-coding: read the body as it comes, without a pipeline (a crawl reads hundreds). */
async function readPlain(source: Readable, cap: number): Promise<BodyRead> {
  const chunks: Buffer[] = [];
  let size = 0;
  let transferBytes = 0;
  let truncated = false;
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      transferBytes += chunk.length;
      if (size + chunk.length > cap) {
        chunks.push(chunk.subarray(0, cap - size));
        size = cap;
        truncated = true;
        break;
      }
      chunks.push(chunk);
      size += chunk.length;
    }
  } finally {
    if (truncated) source.destroy();
  }
  return { body: Buffer.concat(chunks, size), truncated, transferBytes };
}
