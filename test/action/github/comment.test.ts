import { describe, expect, test } from 'vitest';
import { COMMENT_LIMIT, commentMarker, renderComment, upsertComment } from '../../../src/github/comment.js';
import { judge } from '../../../src/threshold.js';
import { completedScan, finding, findings } from '../support/scans.js';
import { useFakeGitHub } from '../support/use-fake-github.js';

const fake = useFakeGitHub();
const { octokit } = fake;
const target = { owner: 'acme', repo: 'shop', issueNumber: 7 };
const runUrl = 'https://github.com/acme/shop/actions/runs/42';

describe('upsertComment', () => {
  test('two runs on one pull request with 250 other comments leave one comment, updated in place', async () => {
    fake.github.seedComments(7, Array.from({ length: 250 }, (_, i) => `review remark ${i}`));
    const url = 'https://preview.example.com/';
    const first = renderComment({ scan: completedScan({ grade: 'C', overallScore: 72 }), verdict: { passed: true, checks: [] }, runUrl });
    const created = await upsertComment(octokit(), target, url, first);
    expect(created.created).toBe(true);

    const second = renderComment({ scan: completedScan(), previous: completedScan({ grade: 'C', overallScore: 72 }), verdict: { passed: true, checks: [] }, runUrl });
    const updated = await upsertComment(octokit(), target, url, second);

    expect(updated).toMatchObject({ id: created.id, created: false });
    const ours = fake.github.comments.filter((c) => c.body.startsWith(commentMarker(url)));
    expect(ours).toHaveLength(1);
    expect(ours[0]!.body).toContain('(was C)');
    expect(fake.github.comments).toHaveLength(251);
    // 251 comments at 100 a page: the marker is on page 3, reached through the Link headers.
    expect(fake.github.requestsFor('issues/list-comments').map((r) => r.query.page ?? '1')).toEqual(['1', '2', '3', '1', '2', '3']);
    expect(fake.github.requestsFor('issues/update-comment')).toHaveLength(1);
  });

  test('a second target URL on the same pull request gets its own comment', async () => {
    await upsertComment(octokit(), target, 'https://a.example.com/', 'first');
    await upsertComment(octokit(), target, 'https://b.example.com/', 'second');
    expect(fake.github.comments).toHaveLength(2);
    expect(fake.github.requestsFor('issues/create-comment')).toHaveLength(2);
  });

  test('stops listing at the first page that holds the marker', async () => {
    const url = 'https://preview.example.com/';
    fake.github.seedComments(7, [`${commentMarker(url)}\nold`, ...Array.from({ length: 150 }, (_, i) => `remark ${i}`)]);
    await upsertComment(octokit(), target, url, `${commentMarker(url)}\nnew`);
    expect(fake.github.requestsFor('issues/list-comments')).toHaveLength(1);
    expect(fake.github.comments[0]!.body).toContain('new');
  });

  test('a read-only token (fork pull request) is answered 403 Resource not accessible by integration', async () => {
    fake.github.readOnly = true;
    await expect(upsertComment(octokit(), target, 'https://preview.example.com/', 'x')).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining('Resource not accessible by integration'),
    });
  });
});

describe('renderComment', () => {
  test('shows grade, scores with their change, the top findings and the report link', () => {
    const scan = completedScan({ findings: findings(30) });
    const body = renderComment({
      scan,
      previous: { grade: 'C', overallScore: 72, securityScore: 70, seoScore: 90, trafficScore: 88 },
      verdict: judge(scan, { failBelow: 'C' }),
      reportUrl: 'https://github.com/acme/shop/actions/runs/42/artifacts/9',
      runUrl,
    });
    expect(body.startsWith('<!-- issafesite:https://preview.example.com/ -->')).toBe(true);
    expect(body).toContain('**Grade B** (was C)');
    expect(body).toContain('| Overall | 84 | +12 |');
    expect(body).toContain('| Traffic | 85 | −3 |');
    expect(body).toContain('| SEO | 90 | ±0 |');
    expect(body).toContain('…and 20 more findings in the [PDF report](https://github.com/acme/shop/actions/runs/42/artifacts/9).');
    // Most severe first: the six critical findings lead the table.
    const rows = body.split('\n').filter((l) => l.startsWith('| 🟥') || l.startsWith('| 🟧') || l.startsWith('| 🟨'));
    expect(rows.slice(0, 6).every((r) => r.includes('critical'))).toBe(true);
  });

  test('stays within 65,536 characters and points at the report when findings are huge', () => {
    const huge = Array.from({ length: 40 }, (_, i) => finding({ title: `${'Very long title '.repeat(400)}${i}`, evidence: 'x'.repeat(20_000) }));
    const body = renderComment({ scan: completedScan({ findings: huge }), verdict: { passed: true, checks: [] }, reportUrl: 'https://r.example/a', runUrl }, COMMENT_LIMIT);
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(body).toMatch(/…and \d+ more findings in the \[PDF report\]\(https:\/\/r\.example\/a\)\./);
    expect(body).toContain('[Workflow run]');
  });

  test('cuts rows, not the footer, when the limit is tight', () => {
    const body = renderComment({ scan: completedScan({ findings: findings(10) }), verdict: { passed: true, checks: [] }, runUrl }, 1_500);
    expect(body.length).toBeLessThanOrEqual(1_500);
    expect(body).toMatch(/…and \d+ more findings in the \[job summary\]/);
    expect(body.endsWith('scan `cabcdefghijklmnopqrstuvwx`')).toBe(true);
  });

  test('a finding cannot break the table or inject HTML', () => {
    const body = renderComment({ scan: completedScan({ findings: [finding({ title: 'a | b <script>x</script>\nnext' })] }), verdict: { passed: true, checks: [] }, runUrl });
    expect(body).toContain('a \\| b &lt;script&gt;x&lt;/script&gt; next');
  });

  test('the marker of a URL holding "-->" cannot close the hidden comment early', () => {
    expect(commentMarker('https://x.example/a-->b')).toBe('<!-- issafesite:https://x.example/a--%3Eb -->');
  });
});
