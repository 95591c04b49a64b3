// GitHub's own OpenAPI description of its REST API (@octokit/openapi), as a request and response validator
// for the fake GitHub server: match method + path to an operation, then check path parameters, query and
// JSON body against that operation's schemas. Loaded once per test file (13 MB of JSON, ~0.4 s).
import { Ajv } from 'ajv';
import type { ValidateFunction } from 'ajv';
import ajvFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// ajv-formats is CommonJS: under NodeNext the default import is module.exports, whose `.default` is the plugin.
const addFormats = ajvFormats.default;

type Json = Record<string, unknown>;

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Json;
}

export interface Operation {
  id: string;
  method: string;
  template: string;
  pointer: string;
  pattern: RegExp;
  pathNames: string[];
  parameters: Array<Parameter & { pointer: string }>;
  bodyRequired: boolean;
  hasJsonBody: boolean;
}

export interface GitHubApiDescription {
  /** The operation a request is for, with its path parameters, or undefined when GitHub has no such route. */
  match(method: string, pathname: string): { operation: Operation; params: Record<string, string> } | undefined;
  /** Violations of the operation's parameters and request body, as readable lines. */
  validateRequest(operation: Operation, params: Record<string, string>, query: URLSearchParams, body: unknown): string[];
  /** Violations of the documented response schema for that status (keeps the fake honest). */
  validateResponse(operation: Operation, status: number, body: unknown): string[];
  /** A documented example value (components/examples), deep-copied. */
  example(name: string): Json;
  /** A validator for any component schema, such as webhook-pull-request-synchronize. */
  schema(name: string): ValidateFunction;
}

const METHODS = ['get', 'put', 'post', 'patch', 'delete'];
let loaded: GitHubApiDescription | undefined;

export function loadGitHubApi(): GitHubApiDescription {
  loaded ??= build();
  return loaded;
}

function build(): GitHubApiDescription {
  const file = createRequire(import.meta.url).resolve('@octokit/openapi/generated/api.github.com.json');
  const doc = JSON.parse(readFileSync(file, 'utf8')) as Json & { paths: Record<string, Record<string, Json>>; components: Json };
  openApiNullableToJsonSchema(doc);

  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, logger: false });
  addFormats(ajv);
  ajv.addSchema({ ...doc, $id: 'gh' });
  const compiled = new Map<string, ValidateFunction>();
  const validator = (pointer: string) => {
    let v = compiled.get(pointer);
    if (!v) {
      v = ajv.getSchema(`gh#${pointer}`);
      if (!v) throw new Error(`No schema at ${pointer}`);
      compiled.set(pointer, v);
    }
    return v;
  };
  const resolve = (node: Json, pointer: string): { node: Json; pointer: string } => {
    const ref = node.$ref;
    if (typeof ref !== 'string') return { node, pointer };
    const path = ref.slice(2).split('/').map(unescape);
    let target: unknown = doc;
    for (const p of path) target = (target as Json)[p];
    return resolve(target as Json, ref.slice(1));
  };

  const operations: Operation[] = [];
  for (const [template, item] of Object.entries(doc.paths)) {
    const pathNames: string[] = [];
    const pattern = new RegExp(
      `^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, (_m, name: string) => (pathNames.push(name), '([^/]+)'))}$`,
    );
    for (const method of METHODS) {
      const op = item[method] as Json | undefined;
      if (!op) continue;
      const pointer = `/paths/${escape(template)}/${method}`;
      const own = ((op.parameters as Json[] | undefined) ?? []).map((p, i) => resolve(p, `${pointer}/parameters/${i}`));
      const shared = ((item.parameters as Json[] | undefined) ?? []).map((p, i) => resolve(p, `/paths/${escape(template)}/parameters/${i}`));
      const parameters = [...shared, ...own].map(({ node, pointer: p }) => ({ ...(node as unknown as Parameter), pointer: `${p}/schema` }));
      const body = op.requestBody ? resolve(op.requestBody as Json, `${pointer}/requestBody`) : undefined;
      const content = body?.node.content as Json | undefined;
      operations.push({
        id: String(op.operationId),
        method: method.toUpperCase(),
        template,
        pointer,
        pattern,
        pathNames,
        parameters,
        bodyRequired: body?.node.required === true,
        hasJsonBody: Boolean(content?.['application/json']),
      });
    }
  }
  // Literal segments win over parameters: /issues/comments/{id} before /issues/{issue_number}/comments.
  const literalWeight = (t: string) => t.split('/').filter((s) => s && !s.startsWith('{')).length;
  operations.sort((a, b) => literalWeight(b.template) - literalWeight(a.template));

  const errors = (v: ValidateFunction, where: string) =>
    (v.errors ?? []).map((e) => `${where}${e.instancePath} ${e.message}${e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : ''}`);

  return {
    match(method, pathname) {
      for (const operation of operations) {
        if (operation.method !== method) continue;
        const m = operation.pattern.exec(pathname);
        if (!m) continue;
        const params = Object.fromEntries(operation.pathNames.map((n, i) => [n, decodeURIComponent(m[i + 1] ?? '')]));
        return { operation, params };
      }
      return undefined;
    },

    validateRequest(operation, params, query, body) {
      const problems: string[] = [];
      const known = new Set<string>();
      for (const p of operation.parameters) {
        if (p.in !== 'path' && p.in !== 'query') continue;
        const raw = p.in === 'path' ? params[p.name] : query.get(p.name);
        if (p.in === 'query') known.add(p.name);
        if (raw === undefined || raw === null) {
          if (p.required) problems.push(`${p.in} parameter ${p.name} is required`);
          continue;
        }
        if (!p.schema) continue;
        const value = coerce(raw, p.schema);
        const v = validator(p.pointer);
        if (!v(value)) problems.push(...errors(v, `${p.in} parameter ${p.name}`));
      }
      for (const name of query.keys()) if (!known.has(name)) problems.push(`query parameter ${name} is not documented for ${operation.id}`);

      if (operation.hasJsonBody) {
        if (body === undefined) {
          if (operation.bodyRequired) problems.push(`request body is required for ${operation.id}`);
        } else {
          const v = validator(`${operation.pointer}/requestBody/content/application~1json/schema`);
          if (!v(body)) problems.push(...errors(v, 'body'));
        }
      } else if (body !== undefined) {
        problems.push(`${operation.id} takes no request body`);
      }
      return problems;
    },

    validateResponse(operation, status, body) {
      const pointer = `${operation.pointer}/responses/${status}/content/application~1json/schema`;
      let v: ValidateFunction;
      try {
        v = validator(pointer);
      } catch {
        return [`response ${status} is not documented for ${operation.id}`];
      }
      return v(body) ? [] : errors(v, `response ${status}`);
    },

    example(name) {
      const node = (doc.components.examples as Record<string, { value: Json }>)[name];
      if (!node) throw new Error(`No example ${name}`);
      return structuredClone(node.value);
    },

    schema(name) {
      return validator(`/components/schemas/${escape(name)}`);
    },
  };
}

// Path and query values arrive as strings; the schemas type them.
function coerce(raw: string, schema: Json): unknown {
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if ((type === 'integer' || type === 'number') && raw.trim() !== '' && !Number.isNaN(Number(raw))) return Number(raw);
  if (type === 'boolean' && (raw === 'true' || raw === 'false')) return raw === 'true';
  return raw;
}

/**
 * OpenAPI 3.0's `nullable: true` is no JSON Schema keyword, and Ajv refuses it beside a composition; rewrite it
 * the way OpenAPI 3.1 spells it: a "null" type (and a null enum member), or anyOf with {type: "null"}.
 */
function openApiNullableToJsonSchema(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) openApiNullableToJsonSchema(item);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const schema = node as Json;
  for (const value of Object.values(schema)) openApiNullableToJsonSchema(value);
  if (schema.nullable !== true) return;
  delete schema.nullable;
  if (typeof schema.type === 'string') {
    schema.type = [schema.type, 'null'];
    if (Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum = [...schema.enum, null];
    return;
  }
  const rest = { ...schema };
  for (const key of Object.keys(schema)) if (key !== 'description' && key !== 'title') delete schema[key];
  schema.anyOf = [rest, { type: 'null' }];
}

function escape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function unescape(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}
