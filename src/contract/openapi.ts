// The OpenAPI 3.1 document of the API, generated from the contract's zod schemas (never written by hand),
// served by the runner at /api/v1/openapi.json.
import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import type { ZodType } from 'zod';
import { z } from 'zod';
import {
  CreateReportRequest,
  CreateScanRequest,
  ErrorBody,
  Health,
  IdempotencyKey,
  ListReportsQuery,
  ListScansQuery,
  Ready,
  ReportIdParams,
  ReportList,
  ReportSummary,
  ScanCreated,
  ScanDetail,
  ScanIdParams,
  ScanList,
} from './api.js';

const json = (schema: ZodType) => ({ 'application/json': { schema } });
const error = (description: string) => ({ description, content: json(ErrorBody) });

/** The answers every authenticated endpoint may give besides its own. */
const authErrors = {
  401: error('Unauthorized — missing API key (no or malformed Authorization: Bearer header)'),
  403: error('Forbidden — invalid, revoked or expired API key'),
  429: error('Rate limit exceeded or plan quota reached; see Retry-After'),
  500: error('Internal server error'),
};

function buildRegistry(): OpenAPIRegistry {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearerAuth', { type: 'http', scheme: 'bearer', description: 'Authorization: Bearer YOUR_API_KEY' });
  const security = [{ bearerAuth: [] }];

  registry.registerPath({
    method: 'post',
    path: '/api/v1/scan',
    summary: 'Create a new vulnerability scan',
    security,
    request: {
      headers: z.object({ 'Idempotency-Key': IdempotencyKey.optional() }),
      body: { required: true, content: json(CreateScanRequest) },
    },
    responses: {
      202: { description: 'Accepted: the scan is queued; poll statusUrl', content: json(ScanCreated) },
      400: error('Bad request — missing or invalid parameters'),
      413: error('The body is larger than 64 KB'),
      415: error('The body is not JSON'),
      ...authErrors,
    },
  });

  registry.registerPath({
    method: 'get',
    path: '/api/v1/scan',
    summary: 'List all scans with pagination, newest first',
    security,
    request: { query: ListScansQuery },
    responses: { 200: { description: 'A page of scans', content: json(ScanList) }, 400: error('Bad request — invalid page, limit or filter'), ...authErrors },
  });

  registry.registerPath({
    method: 'get',
    path: '/api/v1/scan/{id}',
    summary: 'Get one scan with its findings (the statusUrl)',
    security,
    request: { params: ScanIdParams },
    responses: { 200: { description: 'The scan', content: json(ScanDetail) }, 404: error('No such scan in this account'), ...authErrors },
  });

  registry.registerPath({
    method: 'post',
    path: '/api/v1/report',
    summary: 'Make the next version of a scan\'s PDF report',
    description:
      'Version 1 is made when the scan completes; each call renders the scan again as the next version. Counts against the per-minute request limit, not the monthly scan quota.',
    security,
    request: { body: { required: true, content: json(CreateReportRequest) } },
    responses: {
      201: {
        description: 'Created: the new version, as the report list shows it',
        headers: z.object({ Location: z.string().meta({ description: 'The downloadUrl of the new version', example: '/api/report/rpt_xyz1abc2def3ghi4jkl5mno6/pdf' }) }),
        content: json(ReportSummary),
      },
      400: error('Bad request — missing or invalid scanId'),
      404: error('No such scan in this account'),
      409: error('The scan is not COMPLETED (still PENDING or RUNNING, or FAILED)'),
      413: error('The body is larger than 64 KB'),
      415: error('The body is not JSON'),
      ...authErrors,
    },
  });

  registry.registerPath({
    method: 'get',
    path: '/api/v1/report',
    summary: 'List PDF reports with optional scan filter, newest first',
    security,
    request: { query: ListReportsQuery },
    responses: { 200: { description: 'A page of reports', content: json(ReportList) }, 400: error('Bad request — invalid page or limit'), ...authErrors },
  });

  registry.registerPath({
    method: 'get',
    path: '/api/report/{id}/pdf',
    summary: 'Download a report as PDF',
    security,
    request: { params: ReportIdParams },
    responses: {
      200: {
        description: 'The PDF, as an attachment',
        headers: z.object({
          'Content-Disposition': z.string().meta({
            description: 'attachment; filename="issafesite-<domain>-v<version>.pdf", plus filename* (UTF-8) with the readable name of an internationalised domain',
            example: 'attachment; filename="issafesite-example.com-v1.pdf"',
          }),
          'Content-Length': z.number().int().meta({ description: 'The size in bytes: the report\'s pdfSize' }),
        }),
        content: { 'application/pdf': { schema: z.string().meta({ format: 'binary' }) } },
      },
      404: error('No such report in this account'),
      ...authErrors,
    },
  });

  registry.registerPath({
    method: 'get',
    path: '/api/v1/openapi.json',
    summary: 'This document',
    responses: { 200: { description: 'The OpenAPI 3.1 document', content: { 'application/json': { schema: z.object({}).loose() } } } },
  });
  registry.registerPath({ method: 'get', path: '/healthz', summary: 'The process is alive', responses: { 200: { description: 'Alive', content: json(Health) } } });
  registry.registerPath({
    method: 'get',
    path: '/readyz',
    summary: 'The database answers and the worker is running',
    responses: { 200: { description: 'Ready', content: json(Ready) }, 503: error('Not ready') },
  });
  registry.registerPath({
    method: 'get',
    path: '/metrics',
    summary: 'Prometheus metrics: requests, scans by status, scan duration, queue depth',
    responses: { 200: { description: 'Prometheus text exposition format', content: { 'text/plain': { schema: z.string() } } } },
  });
  return registry;
}

export interface OpenApiOptions {
  /** The version of the product, shown as info.version. */
  version?: string;
  /** Where the API is served; the hosted service by default. */
  serverUrl?: string;
}

/** The OpenAPI 3.1 document, as a plain object ready for JSON.stringify. */
export function openApiDocument(options: OpenApiOptions = {}): Record<string, unknown> {
  const generator = new OpenApiGeneratorV31(buildRegistry().definitions);
  const doc = generator.generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'IsSafeSite API',
      version: options.version ?? '1.0.0',
      description: 'Website security, SEO and delivery scans. Every error is {"error": "<sentence>"}. Rate limits per plan: FREE 3 scans/month and 10 requests/min, PRO 100 and 60, ENTERPRISE unlimited and 300.',
    },
    servers: [{ url: options.serverUrl ?? 'https://issafesite.com' }],
  });
  return doc as unknown as Record<string, unknown>;
}
