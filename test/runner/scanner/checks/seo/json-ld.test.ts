import { describe, expect, it } from 'vitest';
import { jsonLd, jsonLdProblems } from '../../../../../runner/src/scanner/checks/seo/json-ld.js';
import { artifacts, doc, nonHtmlPage } from '../../../../support/artifacts.js';

const block = (json: string, type = 'application/ld+json') => `<script type="${type}">${json}</script>`;
const run = (head: string) => jsonLd.run(artifacts({ html: doc('', head) }));
const ORG = '{"@context":"https://schema.org","@type":"Organization","name":"Acme"}';

describe('json-ld', () => {
  it('passes valid blocks, including arrays and @graph', () => {
    const graph = '{"@context":"https://schema.org","@graph":[{"@type":"WebSite"},{"@type":"Organization"}]}';
    expect(run(block(ORG) + block(`[${ORG}]`) + block(graph))).toEqual({ outcome: 'json-ld-valid', findings: [] });
  });

  it('passes a page without structured data', () => {
    expect(run('').outcome).toBe('json-ld-none');
  });

  it('reports a block that does not parse as medium, with the parse error and the text around it', () => {
    const r = run(block('{"@context":"https://schema.org","@type":"Organization",}'));
    expect(r.outcome).toBe('json-ld-invalid');
    expect(r.findings[0]).toMatchObject({ severity: 'medium', title: 'JSON-LD block 1 is not valid JSON', location: { selector: 'html > head > script' } });
    expect(r.findings[0]!.evidence).toMatch(/position \d+.*"Organization",⟨here⟩}/);
  });

  it('reports an empty block as invalid JSON', () => {
    expect(run(block('  ')).findings[0]!.title).toBe('JSON-LD block 1 is not valid JSON');
  });

  it('reports JSON without @context or @type as medium, naming what is missing', () => {
    const r = run(block(ORG) + block('{"name":"Acme"}'));
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ severity: 'medium', title: 'JSON-LD block 2 is not usable structured data', location: { selector: 'html > head > script:nth-of-type(2)' } });
    expect(r.findings[0]!.evidence).toMatch(/^the block has no @context; the block has no @type: /);
  });

  it('recognises the type whatever its case or parameters, and ignores other scripts', () => {
    expect(run(block('{bad', 'Application/LD+JSON; charset=utf-8')).outcome).toBe('json-ld-invalid');
    expect(run(block('{bad', 'application/json')).outcome).toBe('json-ld-none');
  });

  it('names the problems of arrays and graphs', () => {
    expect(jsonLdProblems([ORG, 3])).toEqual(['item 1 is not a JSON object', 'item 2 is not a JSON object']);
    expect(jsonLdProblems({ '@context': 'https://schema.org', '@graph': [{ '@type': 'A' }, { name: 'x' }] })).toEqual(['1 node of @graph has no @type']);
    expect(jsonLdProblems([])).toEqual(['the block is an empty array']);
  });

  it('is not applicable to a page that is not HTML', () => {
    expect(jsonLd.run(artifacts({ page: nonHtmlPage() })).notApplicable).toBeDefined();
  });
});
