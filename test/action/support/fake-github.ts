// A fake GitHub REST API on 127.0.0.1 for the action's tests. Every request it receives is checked against
// GitHub's published OpenAPI description (github-openapi.ts); anything off-spec is recorded in `violations`,
// which a test asserts to be empty. It answers the operations the action uses the way GitHub does: comments
// listed in pages with Link headers, comments created and edited, check runs created and updated; and in
// read-only mode every write gets the 403 a fork's token gets.
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadGitHubApi } from './github-openapi.js';

type Json = Record<string, unknown>;

export interface RecordedRequest {
  method: string;
  path: string;
  operationId: string;
  query: Record<string, string>;
  body: unknown;
  status: number;
  authorization?: string;
}

export interface StoredComment {
  id: number;
  issueNumber: number;
  body: string;
  createdAt: string;
  updatedAt: string;
}

export interface StoredCheckRun {
  id: number;
  name: string;
  headSha: string;
  status: string;
  conclusion: string | null;
  output: { title?: string; summary?: string; text?: string };
  annotations: Json[];
}

export interface FakeGitHub {
  url: string;
  requests: RecordedRequest[];
  violations: string[];
  comments: StoredComment[];
  checkRuns: StoredCheckRun[];
  /** Answer every write with 403 "Resource not accessible by integration", as for a fork's pull request. */
  readOnly: boolean;
  /** Adds comments by other people to a pull request, oldest first. */
  seedComments(issueNumber: number, bodies: string[]): void;
  requestsFor(operationId: string): RecordedRequest[];
  /** Forgets every request, comment, check run and violation, and leaves read-only mode. */
  reset(): void;
  close(): Promise<void>;
}

const DOCS = 'https://docs.github.com/rest';
const BOT = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };

export async function startFakeGitHub(): Promise<FakeGitHub> {
  const api = loadGitHubApi();
  let nextId = 1_000;
  let clock = Date.parse('2026-05-01T10:00:00Z');
  const now = () => new Date((clock += 1_000)).toISOString().replace(/\.\d{3}Z$/, 'Z');

  const fake: FakeGitHub = {
    url: '',
    requests: [],
    violations: [],
    comments: [],
    checkRuns: [],
    readOnly: false,
    seedComments(issueNumber, bodies) {
      for (const body of bodies) fake.comments.push({ id: nextId++, issueNumber, body, createdAt: now(), updatedAt: now() });
    },
    requestsFor(operationId) {
      return fake.requests.filter((r) => r.operationId === operationId);
    },
    reset() {
      for (const list of [fake.requests, fake.violations, fake.comments, fake.checkRuns]) list.length = 0;
      fake.readOnly = false;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      fake.violations.push(`fake GitHub crashed on ${req.method} ${req.url}: ${String(error)}`);
      send(res, 500, { message: 'Server Error' });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', fake.url);
    const method = req.method ?? 'GET';
    const raw = await readBody(req);
    let body: unknown;
    if (raw.length > 0) {
      if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) fake.violations.push(`${method} ${url.pathname}: body sent without a JSON content-type`);
      try {
        body = JSON.parse(raw);
      } catch {
        fake.violations.push(`${method} ${url.pathname}: body is not JSON`);
      }
    }

    const matched = api.match(method, url.pathname);
    const record: RecordedRequest = {
      method,
      path: url.pathname,
      operationId: matched?.operation.id ?? '(none)',
      query: Object.fromEntries(url.searchParams),
      body,
      status: 0,
      authorization: req.headers.authorization,
    };
    fake.requests.push(record);
    const reply = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      record.status = status;
      if (matched && status < 300) {
        for (const p of api.validateResponse(matched.operation, status, payload)) fake.violations.push(`fake GitHub answered ${matched.operation.id} off-spec: ${p}`);
      }
      send(res, status, payload, headers);
    };

    if (!matched) {
      fake.violations.push(`${method} ${url.pathname}: GitHub has no such route`);
      return reply(404, { message: 'Not Found', documentation_url: DOCS });
    }
    const { operation, params } = matched;
    for (const p of api.validateRequest(operation, params, url.searchParams, body)) fake.violations.push(`${operation.id}: ${p}`);
    if (!/^(token|Bearer) \S+$/.test(req.headers.authorization ?? '')) {
      fake.violations.push(`${operation.id}: no token in the Authorization header`);
      return reply(401, { message: 'Requires authentication', documentation_url: DOCS });
    }
    if (fake.readOnly && method !== 'GET') {
      return reply(403, { message: 'Resource not accessible by integration', documentation_url: `${DOCS}/${operation.id}`, status: '403' });
    }

    const b = (body ?? {}) as Json;
    const repoUrl = `${fake.url}/repos/${params.owner}/${params.repo}`;
    switch (operation.id) {
      case 'issues/list-comments': {
        const issue = Number(params.issue_number);
        const all = fake.comments.filter((c) => c.issueNumber === issue);
        const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30), 100);
        const page = Number(url.searchParams.get('page') ?? 1);
        const pages = Math.max(1, Math.ceil(all.length / perPage));
        const items = all.slice((page - 1) * perPage, page * perPage).map((c) => commentJson(c, repoUrl));
        return reply(200, items, linkHeader(`${repoUrl}/issues/${issue}/comments`, perPage, page, pages));
      }
      case 'issues/create-comment': {
        const problem = commentProblem(b.body);
        if (problem) return reply(422, problem);
        const comment = { id: nextId++, issueNumber: Number(params.issue_number), body: String(b.body), createdAt: now(), updatedAt: now() };
        fake.comments.push(comment);
        return reply(201, commentJson(comment, repoUrl), { location: `${repoUrl}/issues/comments/${comment.id}` });
      }
      case 'issues/update-comment': {
        const comment = fake.comments.find((c) => c.id === Number(params.comment_id));
        if (!comment) return reply(404, { message: 'Not Found', documentation_url: DOCS });
        const problem = commentProblem(b.body);
        if (problem) return reply(422, problem);
        comment.body = String(b.body);
        comment.updatedAt = now();
        return reply(200, commentJson(comment, repoUrl));
      }
      case 'checks/create':
      case 'checks/update': {
        const problem = checkRunProblem(b);
        if (problem) return reply(422, problem);
        let run = fake.checkRuns.find((r) => r.id === Number(params.check_run_id));
        if (operation.id === 'checks/create') {
          run = { id: nextId++, name: String(b.name), headSha: String(b.head_sha), status: 'queued', conclusion: null, output: {}, annotations: [] };
          fake.checkRuns.push(run);
        }
        if (!run) return reply(404, { message: 'Not Found', documentation_url: DOCS });
        applyCheckRun(run, b);
        return reply(operation.id === 'checks/create' ? 201 : 200, checkRunJson(run, repoUrl));
      }
      default:
        fake.violations.push(`${operation.id}: the fake does not answer this operation`);
        return reply(501, { message: `${operation.id} is not faked` });
    }
  }

  function commentJson(c: StoredComment, repoUrl: string): Json {
    return {
      ...api.example('issue-comment'),
      id: c.id,
      node_id: `IC_${c.id}`,
      url: `${repoUrl}/issues/comments/${c.id}`,
      html_url: `https://github.com${new URL(repoUrl).pathname.replace('/repos', '')}/pull/${c.issueNumber}#issuecomment-${c.id}`,
      issue_url: `${repoUrl}/issues/${c.issueNumber}`,
      body: c.body,
      user: { ...(api.example('issue-comment').user as Json), ...BOT },
      created_at: c.createdAt,
      updated_at: c.updatedAt,
    };
  }

  function checkRunJson(run: StoredCheckRun, repoUrl: string): Json {
    const example = api.example('check-run');
    return {
      ...example,
      id: run.id,
      node_id: `CR_${run.id}`,
      name: run.name,
      head_sha: run.headSha,
      url: `${repoUrl}/check-runs/${run.id}`,
      html_url: `https://github.com${new URL(repoUrl).pathname.replace('/repos', '')}/runs/${run.id}`,
      status: run.status,
      conclusion: run.conclusion,
      completed_at: run.status === 'completed' ? now() : null,
      output: { ...(example.output as Json), title: run.output.title ?? null, summary: run.output.summary ?? null, text: run.output.text ?? null, annotations_count: run.annotations.length },
    };
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}

function applyCheckRun(run: StoredCheckRun, b: Json): void {
  if (typeof b.status === 'string') run.status = b.status;
  if (typeof b.conclusion === 'string') {
    run.conclusion = b.conclusion;
    run.status = 'completed';
  }
  const output = b.output as (StoredCheckRun['output'] & { annotations?: Json[] }) | undefined;
  if (output) {
    const { annotations, ...text } = output;
    run.output = { ...run.output, ...text };
    // "Each time you update the check run, annotations are appended" (Checks API docs).
    run.annotations.push(...(annotations ?? []));
  }
}

// What GitHub answers 422 to, beyond the schema: limits written in the descriptions.
function commentProblem(body: unknown): Json | undefined {
  if (typeof body === 'string' && body.length > 65_536) {
    return { message: 'Validation Failed', errors: [{ resource: 'IssueComment', code: 'custom', field: 'body', message: 'body is too long (maximum is 65536 characters)' }], documentation_url: DOCS };
  }
  return undefined;
}

function checkRunProblem(b: Json): Json | undefined {
  const fail = (message: string) => ({ message: 'Invalid request.', errors: [message], documentation_url: DOCS });
  if ((b.status === 'completed' || b.completed_at) && typeof b.conclusion !== 'string') return fail('conclusion is required when status is completed');
  const annotations = ((b.output as Json | undefined)?.annotations as Json[] | undefined) ?? [];
  for (const a of annotations) {
    if (typeof a.title === 'string' && a.title.length > 255) return fail('annotation title is longer than 255 characters');
    for (const key of ['message', 'raw_details'] as const) {
      if (typeof a[key] === 'string' && Buffer.byteLength(a[key] as string) > 64 * 1024) return fail(`annotation ${key} is larger than 64 KB`);
    }
  }
  return undefined;
}

function linkHeader(base: string, perPage: number, page: number, pages: number): Record<string, string> {
  const at = (p: number) => `<${base}?per_page=${perPage}&page=${p}>`;
  const links: string[] = [];
  if (page > 1) links.push(`${at(page - 1)}; rel="prev"`);
  if (page < pages) links.push(`${at(page + 1)}; rel="next"`, `${at(pages)}; rel="last"`);
  if (page > 1) links.push(`${at(1)}; rel="first"`);
  return links.length > 0 ? { link: links.join(', ') } : {};
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, payload: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(payload);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'x-github-media-type': 'github.v3; format=json', ...headers });
  res.end(text);
}
