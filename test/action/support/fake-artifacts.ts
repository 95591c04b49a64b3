// A fake Actions results service for @actions/artifact on 127.0.0.1: the twirp calls CreateArtifact and
// FinalizeArtifact, and between them the Azure block-blob upload to the signed URL (Put Block per chunk,
// then Put Block List). It keeps what was uploaded so a test can compare the bytes.
import { createHash, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const SERVICE = '/twirp/github.actions.results.api.v1.ArtifactService/';

export interface StoredArtifact {
  id: number;
  name: string;
  mimeType?: string;
  blobPath: string;
  bytes?: Buffer;
  finalized: boolean;
}

export interface FakeArtifactService {
  /** ACTIONS_RESULTS_URL */
  url: string;
  /** ACTIONS_RUNTIME_TOKEN: a JWT whose scp claim names this run and job, as the runner's does. */
  token: string;
  artifacts: StoredArtifact[];
  violations: string[];
  close(): Promise<void>;
}

export async function startFakeArtifactService(ids = { runId: randomUUID(), jobId: randomUUID() }): Promise<FakeArtifactService> {
  const blocks = new Map<string, Map<string, Buffer>>();
  let nextId = 5_000;

  const fake: FakeArtifactService = {
    url: '',
    token: jwt({ scp: `Actions.ExampleScope Actions.Results:${ids.runId}:${ids.jobId}` }),
    artifacts: [],
    violations: [],
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      fake.violations.push(`fake artifact service crashed on ${req.method} ${req.url}: ${String(error)}`);
      res.writeHead(500).end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', fake.url);
    const body = await readBody(req);

    if (req.method === 'POST' && url.pathname.startsWith(SERVICE)) {
      if (req.headers.authorization !== `Bearer ${fake.token}`) fake.violations.push(`${url.pathname}: not authorised with the runtime token`);
      const call = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
      if (call.workflow_run_backend_id !== ids.runId || call.workflow_job_run_backend_id !== ids.jobId) {
        fake.violations.push(`${url.pathname}: backend ids ${String(call.workflow_run_backend_id)}/${String(call.workflow_job_run_backend_id)} are not the token's`);
      }
      const method = url.pathname.slice(SERVICE.length);
      const name = String(call.name);
      if (method === 'CreateArtifact') {
        // GitHub keeps artifact names unique within a workflow run.
        if (fake.artifacts.some((a) => a.name === name)) return twirpError(res, 409, 'already_exists', `an artifact with this name already exists on the workflow run`);
        const blobPath = `/devstoreaccount1/actions-results/${randomUUID()}/${encodeURIComponent(name)}`;
        fake.artifacts.push({ id: nextId++, name, mimeType: wrapped(call.mime_type), blobPath, finalized: false });
        return json(res, 200, { ok: true, signed_upload_url: `${fake.url}${blobPath}?sv=2023-11-03&se=2099-01-01T00%3A00%3A00Z&sr=b&sp=cw&sig=fake-signature` });
      }
      if (method === 'FinalizeArtifact') {
        const artifact = fake.artifacts.find((a) => a.name === name && !a.finalized);
        if (!artifact) return twirpError(res, 404, 'not_found', `no artifact ${name} to finalize`);
        const bytes = artifact.bytes ?? Buffer.alloc(0);
        if (String(call.size) !== String(bytes.length)) fake.violations.push(`FinalizeArtifact: size ${String(call.size)} but ${bytes.length} bytes were uploaded`);
        const hash = wrapped(call.hash);
        const expected = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
        if (hash !== expected) fake.violations.push(`FinalizeArtifact: hash ${hash} but the upload is ${expected}`);
        artifact.finalized = true;
        return json(res, 200, { ok: true, artifact_id: String(artifact.id) });
      }
      return twirpError(res, 404, 'bad_route', `no method ${method}`);
    }

    if (req.method === 'PUT') {
      const artifact = fake.artifacts.find((a) => a.blobPath === url.pathname);
      if (!artifact) return blobError(res, 404, 'BlobNotFound');
      if (url.searchParams.get('sig') !== 'fake-signature') fake.violations.push(`${url.pathname}: upload without the signed URL's signature`);
      const comp = url.searchParams.get('comp');
      const staged = blocks.get(artifact.blobPath) ?? new Map<string, Buffer>();
      blocks.set(artifact.blobPath, staged);
      if (comp === 'block') {
        staged.set(url.searchParams.get('blockid') ?? '', body);
        return blobCreated(res);
      }
      if (comp === 'blocklist') {
        const ids = [...body.toString('utf8').matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]+)<\//g)].map((m) => m[1]!);
        const missing = ids.filter((id) => !staged.has(id));
        if (missing.length > 0) return blobError(res, 400, 'InvalidBlockList');
        artifact.bytes = Buffer.concat(ids.map((id) => staged.get(id)!));
        if (!artifact.mimeType) artifact.mimeType = String(req.headers['x-ms-blob-content-type'] ?? '');
        return blobCreated(res);
      }
      // A single Put Blob (small uploads) is valid Azure too.
      artifact.bytes = body;
      return blobCreated(res);
    }

    fake.violations.push(`${req.method} ${url.pathname}: not part of the artifact protocol`);
    res.writeHead(404).end();
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}

// google.protobuf.StringValue is written as the bare string in proto3 JSON.
function wrapped(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  return (value as { value?: string } | undefined)?.value;
}

function jwt(claims: Record<string, unknown>): string {
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ ...claims, exp: 4_102_444_800 })}.c2lnbmF0dXJl`;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

// A twirp error is JSON {code, msg}; 409 and 404 are not retried by the client, so error tests stay fast.
function twirpError(res: ServerResponse, status: number, code: string, msg: string): void {
  json(res, status, { code, msg });
}

function blobCreated(res: ServerResponse): void {
  res.writeHead(201, { 'x-ms-request-id': randomUUID(), 'x-ms-version': '2023-11-03', 'x-ms-request-server-encrypted': 'true', date: new Date().toUTCString(), 'content-length': '0' }).end();
}

function blobError(res: ServerResponse, status: number, code: string): void {
  res.writeHead(status, { 'content-type': 'application/xml', 'x-ms-error-code': code }).end(`<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${code}</Message></Error>`);
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
