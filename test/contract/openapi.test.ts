import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../src/contract/openapi.js';

interface Doc {
  openapi: string;
  paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
  components: { schemas: Record<string, object>; securitySchemes: Record<string, unknown> };
}

describe('the OpenAPI document', () => {
  const doc = openApiDocument() as unknown as Doc;

  it('is OpenAPI 3.1 with every endpoint and the bearer scheme', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual(['/api/report/{id}/pdf', '/api/v1/openapi.json', '/api/v1/report', '/api/v1/scan', '/api/v1/scan/{id}', '/healthz', '/metrics', '/readyz']);
    expect(Object.keys(doc.paths['/api/v1/scan'] ?? {}).sort()).toEqual(['get', 'post']);
    expect(Object.keys(doc.paths['/api/v1/scan']?.post?.responses ?? {}).sort()).toEqual(['202', '400', '401', '403', '413', '415', '429', '500']);
    expect(Object.keys(doc.paths['/api/v1/report'] ?? {}).sort()).toEqual(['get', 'post']);
    expect(Object.keys(doc.paths['/api/v1/report']?.post?.responses ?? {}).sort()).toEqual(['201', '400', '401', '403', '404', '409', '413', '415', '429', '500']);
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('names the schemas with the seed field names', () => {
    const props = (name: string) => Object.keys((doc.components.schemas[name] as { properties: object }).properties);
    expect(props('ScanCreated')).toEqual(['id', 'url', 'domain', 'depth', 'status', 'statusUrl', 'createdAt']);
    expect(props('ScanSummary')).toEqual(['id', 'targetUrl', 'targetDomain', 'depth', 'status', 'overallScore', 'grade', 'securityScore', 'seoScore', 'trafficScore', 'findingsCount', 'createdAt', 'completedAt']);
    expect(props('CreateReportRequest')).toEqual(['scanId']);
    expect(props('ReportSummary')).toEqual(['id', 'title', 'version', 'pdfSize', 'format', 'createdAt', 'scan', 'downloadUrl']);
    expect(props('Pagination')).toEqual(['page', 'limit', 'total', 'pages']);
    expect(props('Error')).toEqual(['error']);
  });

  it('holds schemas a JSON Schema 2020-12 validator compiles, and its examples pass them', () => {
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    for (const [name, schema] of Object.entries(doc.components.schemas)) ajv.addSchema(schema, `#/components/schemas/${name}`);
    for (const [name, schema] of Object.entries(doc.components.schemas)) {
      const example = (schema as { example?: unknown }).example;
      if (example === undefined) continue;
      const validate = ajv.getSchema(`#/components/schemas/${name}`);
      expect(validate?.(example), `${name}: ${JSON.stringify(validate?.errors)}`).toBe(true);
    }
  });
});
