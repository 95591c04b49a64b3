// The API contract: every request and response of the IsSafeSite REST API as zod schemas, with the field
// names of the hosted service's public documentation (https://issafesite.com/api/v1). The runner's server
// parses and answers with these; the action's client parses the answers with the same ones, so the two
// cannot drift. Depends on zod alone: nothing here may import runner or action code.
import { z } from 'zod';

export const DEPTHS = ['QUICK', 'STANDARD', 'DEEP'] as const;
export const SCAN_STATUSES = ['PENDING', 'RUNNING', 'COMPLETED', 'FAILED'] as const;
export const GRADES = ['A+', 'A', 'B', 'C', 'D', 'F'] as const;
export const CATEGORIES = ['security', 'seo', 'traffic'] as const;
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;

/** The hosted API's documented limits: URLs of at most 2048 characters, pages of 20 results by default and 50 at most. */
export const MAX_URL_LENGTH = 2048;
export const DEFAULT_PAGE_LIMIT = 20;
export const MAX_PAGE_LIMIT = 50;

export const API_BASE_PATH = '/api/v1';

export const statusUrl = (scanId: string): string => `${API_BASE_PATH}/scan/${scanId}`;
export const downloadUrl = (reportId: string): string => `/api/report/${reportId}/pdf`;
/** The report title the hosted service uses, with an em dash. */
export const reportTitle = (domain: string): string => `Security Report — ${domain}`;

// ---------------------------------------------------------------------------------------------
// Shared pieces

export const ErrorBody = z
  .object({ error: z.string().min(1) })
  .meta({ id: 'Error', description: 'Every error answers with one human sentence.', example: { error: 'Description of the error' } });

const timestamp = z.iso.datetime().meta({ example: '2026-04-23T12:00:00Z' });
const score = z.number().int().min(0).max(100);

export const Depth = z.enum(DEPTHS, { error: 'depth must be QUICK, STANDARD or DEEP.' }).meta({ id: 'Depth' });
export const ScanStatus = z.enum(SCAN_STATUSES).meta({ id: 'ScanStatus' });
export const Grade = z.enum(GRADES).meta({ id: 'Grade' });

/** Scan ids: "c" and 24 lowercase letters or digits (about 124 bits of randomness). */
export const SCAN_ID_PATTERN = /^c[a-z0-9]{24}$/;
/** Report ids: "rpt_" and 24 lowercase letters or digits. */
export const REPORT_ID_PATTERN = /^rpt_[a-z0-9]{24}$/;

export const Pagination = z
  .object({ page: z.number().int().min(1), limit: z.number().int().min(1).max(MAX_PAGE_LIMIT), total: z.number().int().min(0), pages: z.number().int().min(0) })
  .meta({ id: 'Pagination', example: { page: 1, limit: 10, total: 42, pages: 5 } });

function pageParam(name: string, fallback: number) {
  return z.coerce
    .number({ error: `${name} must be a whole number of 1 or more.` })
    .int()
    .min(1)
    .default(fallback);
}

const pageQuery = {
  page: pageParam('page', 1).meta({ description: 'Page number (default: 1)' }),
  // A larger limit is clamped rather than refused, as the hosted service does.
  limit: pageParam('limit', DEFAULT_PAGE_LIMIT)
    .transform((n) => Math.min(n, MAX_PAGE_LIMIT))
    .meta({ description: `Results per page (default: ${DEFAULT_PAGE_LIMIT}, max: ${MAX_PAGE_LIMIT}; larger values are clamped)` }),
};

// ---------------------------------------------------------------------------------------------
// POST /api/v1/scan

function urlProblem(value: string): string | undefined {
  if (value.length === 0) return 'url is empty: give the absolute http(s) address of the site to scan, e.g. https://example.com.';
  if (value.length > MAX_URL_LENGTH) return `url is ${value.length} characters long; at most ${MAX_URL_LENGTH} are accepted.`;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    return `url must be an absolute http(s) URL such as https://example.com (got "${value.slice(0, 100)}").`;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return `url must start with http:// or https:// (got "${parsed.protocol}").`;
  if (parsed.hostname === '') return 'url has no host name.';
  if (parsed.username !== '' || parsed.password !== '') return 'url must not contain a user name or password.';
  return undefined;
}

export const TargetUrl = z
  .string({ error: 'url is required: the absolute http(s) address of the site to scan, e.g. https://example.com.' })
  .trim()
  .superRefine((value, ctx) => {
    const problem = urlProblem(value);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
  })
  .meta({ description: 'Target URL to scan: absolute http(s), with a host, no user name or password, at most 2048 characters.', example: 'https://example.com' });

export const CreateScanRequest = z
  .object(
    {
      url: TargetUrl,
      depth: Depth.default('STANDARD').meta({ description: 'Scan depth: QUICK, STANDARD (default), DEEP' }),
    },
    { error: 'The request body must be a JSON object such as {"url": "https://example.com"}.' },
  )
  .meta({ id: 'CreateScanRequest', example: { url: 'https://example.com', depth: 'STANDARD' } });

/** At most 255 printable ASCII characters, as Stripe and the IETF Idempotency-Key draft allow. */
export const IdempotencyKey = z
  .string()
  .regex(/^[\x21-\x7e]{1,255}$/, { error: 'Idempotency-Key must be 1 to 255 printable ASCII characters without spaces.' })
  .meta({ description: 'Retrying a POST with the same key returns the first scan instead of creating (and charging) another one, for 24 hours.' });

export const ScanCreated = z
  .object({
    id: z.string(),
    url: z.string(),
    domain: z.string(),
    depth: Depth,
    status: z.literal('PENDING'),
    statusUrl: z.string(),
    createdAt: timestamp,
  })
  .meta({
    id: 'ScanCreated',
    example: { id: 'clx1abc2def3ghi4jkl5mno6p', url: 'https://example.com', domain: 'example.com', depth: 'STANDARD', status: 'PENDING', statusUrl: '/api/v1/scan/clx1abc2def3ghi4jkl5mno6p', createdAt: '2026-04-23T12:00:00Z' },
  });

// ---------------------------------------------------------------------------------------------
// GET /api/v1/scan and GET /api/v1/scan/{id}

export const ListScansQuery = z.object({
  ...pageQuery,
  status: z.enum(SCAN_STATUSES, { error: 'status must be PENDING, RUNNING, COMPLETED or FAILED.' }).optional().meta({ description: 'Only scans in this status' }),
  domain: z.string({ error: 'domain must be a host name such as example.com.' }).trim().toLowerCase().min(1).max(253).optional().meta({ description: 'Only scans of this host name' }),
});

export const ScanSummary = z
  .object({
    id: z.string(),
    targetUrl: z.string(),
    targetDomain: z.string(),
    depth: Depth,
    status: ScanStatus,
    /** Scores, grade and counts are null until the scan is COMPLETED. */
    overallScore: score.nullable(),
    grade: Grade.nullable(),
    securityScore: score.nullable(),
    seoScore: score.nullable(),
    trafficScore: score.nullable(),
    findingsCount: z.number().int().min(0).nullable(),
    createdAt: timestamp,
    completedAt: timestamp.nullable(),
  })
  .meta({
    id: 'ScanSummary',
    example: {
      id: 'clx1abc2def3ghi4jkl5mno6p',
      targetUrl: 'https://example.com',
      targetDomain: 'example.com',
      depth: 'STANDARD',
      status: 'COMPLETED',
      overallScore: 72,
      grade: 'C',
      securityScore: 65,
      seoScore: 80,
      trafficScore: 75,
      findingsCount: 8,
      createdAt: '2026-04-23T12:00:00Z',
      completedAt: '2026-04-23T12:01:30Z',
    },
  });

export const ScanList = z.object({ data: z.array(ScanSummary), pagination: Pagination }).meta({ id: 'ScanList' });

export const FindingLocation = z
  .object({ url: z.string(), header: z.string().optional(), selector: z.string().optional(), line: z.number().int().optional() })
  .meta({ id: 'FindingLocation' });

export const Finding = z
  .object({
    checkId: z.string(),
    category: z.enum(CATEGORIES),
    severity: z.enum(SEVERITIES),
    title: z.string(),
    description: z.string(),
    evidence: z.string().meta({ description: 'The header line, cookie, URL or snippet that proves the finding.' }),
    location: FindingLocation,
    remediation: z.string(),
    references: z.array(z.string()),
  })
  .meta({ id: 'Finding' });

export const ScanDetail = ScanSummary.extend({
  url: z.string(),
  domain: z.string(),
  statusUrl: z.string(),
  startedAt: timestamp.nullable(),
  /** Present when the scan is FAILED: why, in one sentence (e.g. "DNS lookup failed for example.invalid"). */
  error: z.string().optional(),
  pagesScanned: z.number().int().min(0).nullable(),
  reportId: z.string().nullable(),
  findings: z.array(Finding),
}).meta({ id: 'ScanDetail' });

export const ScanIdParams = z.object({ id: z.string().meta({ description: 'The scan id returned by POST /api/v1/scan', example: 'clx1abc2def3ghi4jkl5mno6p' }) });

// ---------------------------------------------------------------------------------------------
// POST /api/v1/report, GET /api/v1/report and GET /api/report/{id}/pdf

export const CreateReportRequest = z
  .object(
    {
      scanId: z
        .string({ error: 'scanId is required: the id of a COMPLETED scan, as POST /api/v1/scan returned it.' })
        .trim()
        .min(1, { error: 'scanId is empty: give the id of a COMPLETED scan.' })
        .meta({ description: 'The scan to report on; it must be COMPLETED', example: 'clx1abc2def3ghi4jkl5mno6p' }),
    },
    { error: 'The request body must be a JSON object such as {"scanId": "clx1abc2def3ghi4jkl5mno6p"}.' },
  )
  .meta({ id: 'CreateReportRequest', example: { scanId: 'clx1abc2def3ghi4jkl5mno6p' } });

export const ListReportsQuery = z.object({
  scanId: z.string({ error: 'scanId must be a scan id.' }).trim().min(1).optional().meta({ description: 'Filter reports by scan ID' }),
  ...pageQuery,
});

export const ReportSummary = z
  .object({
    id: z.string(),
    title: z.string(),
    version: z.number().int().min(1),
    pdfSize: z.number().int().min(0),
    format: z.literal('PDF'),
    createdAt: timestamp,
    scan: z.object({ targetUrl: z.string(), targetDomain: z.string(), overallScore: score.nullable(), grade: Grade.nullable() }),
    downloadUrl: z.string(),
  })
  .meta({
    id: 'ReportSummary',
    example: {
      id: 'rpt_xyz1abc2def3ghi4jkl5mno6',
      title: 'Security Report — example.com',
      version: 1,
      pdfSize: 245760,
      format: 'PDF',
      createdAt: '2026-04-23T12:02:00Z',
      scan: { targetUrl: 'https://example.com', targetDomain: 'example.com', overallScore: 72, grade: 'C' },
      downloadUrl: '/api/report/rpt_xyz1abc2def3ghi4jkl5mno6/pdf',
    },
  });

export const ReportList = z.object({ data: z.array(ReportSummary), pagination: Pagination }).meta({ id: 'ReportList' });

export const ReportIdParams = z.object({ id: z.string().meta({ description: 'The report id', example: 'rpt_xyz1abc2def3ghi4jkl5mno6' }) });

// ---------------------------------------------------------------------------------------------
// Probes

export const Health = z.object({ status: z.literal('ok') }).meta({ id: 'Health' });
export const Ready = z.object({ status: z.literal('ready'), database: z.literal('ok'), worker: z.literal('running') }).meta({ id: 'Ready' });

// ---------------------------------------------------------------------------------------------
// Types for both sides

export type DepthValue = z.infer<typeof Depth>;
export type ScanStatusValue = z.infer<typeof ScanStatus>;
export type GradeValue = z.infer<typeof Grade>;
export type CreateScanInput = z.infer<typeof CreateScanRequest>;
export type ScanCreatedBody = z.infer<typeof ScanCreated>;
export type ScanSummaryBody = z.infer<typeof ScanSummary>;
export type ScanDetailBody = z.infer<typeof ScanDetail>;
export type ScanListBody = z.infer<typeof ScanList>;
export type FindingBody = z.infer<typeof Finding>;
export type PaginationBody = z.infer<typeof Pagination>;
export type ListScansParams = z.infer<typeof ListScansQuery>;
export type ListReportsParams = z.infer<typeof ListReportsQuery>;
export type CreateReportInput = z.infer<typeof CreateReportRequest>;
export type ReportSummaryBody = z.infer<typeof ReportSummary>;
export type ReportListBody = z.infer<typeof ReportList>;
export type ErrorBodyValue = z.infer<typeof ErrorBody>;

/** The first problem zod found, as the sentence the API answers with. */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return 'The request is not valid.';
  return issue.message;
}
