// Open Graph tags (ogp.me) decide how a link to the page looks when shared on social networks and in chat
// apps: its title, description and preview image. Without them the preview is a bare URL or guessed text.
// og:image must be an absolute URL; crawlers of those apps do not resolve relative ones.
import type { Check, FindingDraft } from '../../types.js';
import { htmlOf, openingTag, selectorOf } from '../elements.js';

const REFERENCES = ['https://ogp.me/', 'https://developers.facebook.com/docs/sharing/webmasters'];
const REQUIRED = ['og:title', 'og:description', 'og:image'] as const;

export const openGraph: Check = {
  id: 'open-graph',
  category: 'seo',
  depth: 'QUICK',
  title: 'Open Graph tags',
  run({ page }) {
    const html = htmlOf(page);
    if ('notApplicable' in html) return { findings: [], notApplicable: html.notApplicable };
    const { $ } = html;
    const url = page.response.url;
    // The protocol uses `property`; many sites write `name`, which the major consumers also read.
    const tag = (prop: string) =>
      $('meta')
        .toArray()
        .find((el) => (el.attribs.property ?? el.attribs.name ?? '').trim().toLowerCase() === prop && (el.attribs.content ?? '').trim() !== '');
    const missing = REQUIRED.filter((p) => tag(p) === undefined);
    const findings: FindingDraft[] = [];
    if (missing.length === REQUIRED.length) {
      findings.push({
        severity: 'low',
        title: 'The page has no Open Graph tags',
        description: 'When the page is shared on social networks or in chat apps, the preview has no proper title, description or image, which makes people less likely to click it.',
        evidence: 'No <meta property="og:title">, og:description or og:image with content.',
        location: { url, selector: 'head > meta[property^="og:"]' },
        remediation: 'Add `<meta property="og:title" content="…">`, `<meta property="og:description" content="…">` and `<meta property="og:image" content="https://…/preview.png">` (1200×630 px) to `<head>`.',
        references: REFERENCES,
      });
    } else if (missing.length > 0) {
      findings.push({
        severity: 'info',
        title: `Open Graph tag${missing.length === 1 ? '' : 's'} missing: ${missing.join(', ')}`,
        description: 'Link previews on social networks and chat apps are incomplete without these tags, and the apps fill the gap with guesses.',
        evidence: `No ${missing.map((p) => `<meta property="${p}">`).join(', ')} with content.`,
        location: { url, selector: `head > meta[property="${missing[0]}"]` },
        remediation: `Add ${missing.map((p) => `\`<meta property="${p}" content="…">\``).join(', ')} to \`<head>\`.`,
        references: REFERENCES,
      });
    }
    const image = tag('og:image');
    if (image !== undefined) {
      const content = (image.attribs.content ?? '').trim();
      const parsed = URL.parse(content);
      if (parsed === null || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) {
        findings.push({
          severity: 'low',
          title: 'og:image is not an absolute URL',
          description: 'Social networks fetch the preview image from exactly the URL given; a relative path or other scheme is not resolved, so shares show no image.',
          evidence: openingTag(image),
          location: { url, selector: selectorOf(image) },
          remediation: `Use the full URL of the image, e.g. \`${URL.parse(content, url)?.href ?? 'https://example.com/preview.png'}\`.`,
          references: REFERENCES,
        });
      }
    }
    const outcome = missing.length === REQUIRED.length ? 'open-graph-missing' : missing.length > 0 ? 'open-graph-incomplete' : findings.length > 0 ? 'open-graph-image-relative' : 'open-graph-ok';
    return { outcome, findings };
  },
};
