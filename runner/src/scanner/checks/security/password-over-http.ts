// A password typed into a page served over plain HTTP, or posted to a plain-HTTP address, crosses the
// network in clear: anyone on the same Wi-Fi can read it. Browsers warn on such fields.
import { documentBase } from '../../security/html.js';
import { resolveUrl } from '../../security/site.js';
import type { Check, FindingDraft } from '../../types.js';

const REFERENCES = ['https://developer.mozilla.org/en-US/docs/Web/Security/Insecure_passwords'];

export const passwordOverHttp: Check = {
  id: 'password-over-http',
  category: 'security',
  depth: 'QUICK',
  title: 'Password forms over plain HTTP',
  run({ pages }) {
    const findings: FindingDraft[] = [];
    let fields = 0;
    for (const page of pages) {
      const $ = page.$;
      if ($ === undefined) continue;
      const url = page.response.url;
      const pageHttp = url.startsWith('http:');
      const base = documentBase(page);
      $('input[type="password" i]').each((_, el) => {
        fields++;
        const form = $(el).closest('form');
        // A password input outside a form (scripted login) goes wherever the page's script sends it.
        const action = form.length === 0 ? '' : (form.attr('action') ?? '').trim();
        const target = resolveUrl(action === '' ? url : action, base);
        const postsHttp = target?.protocol === 'http:';
        if (!pageHttp && !postsHttp) return;
        const formHtml = form.length === 0 ? $.html(el) : $.html(form).replace(/>[\s\S]*$/, '>');
        findings.push({
          severity: 'high',
          title: pageHttp ? 'Password field on a page served over plain HTTP' : `Password form posts to plain HTTP (${target!.origin})`,
          description: pageHttp
            ? 'The page itself is not encrypted: the password, and the form around it, can be read or changed by anyone on the network.'
            : `The page is HTTPS but the form sends the password to ${target!.href}, unencrypted.`,
          evidence: `${formHtml}\n${$.html(el)}`,
          location: { url, selector: form.length > 0 ? `form[action="${action}"]` : $(el).attr('name') !== undefined ? `input[type="password"][name="${$(el).attr('name')!}"]` : 'input[type="password"]' },
          remediation: pageHttp ? 'Serve the page over HTTPS and redirect plain HTTP to it (301 to https://).' : `Change the form to \`action="${target!.href.replace(/^http:/, 'https:')}"\` (or a relative URL).`,
          references: REFERENCES,
        });
      });
    }
    if (fields === 0) return { outcome: 'password-no-fields', findings };
    return { outcome: findings.length === 0 ? 'password-fields-secure' : 'password-over-http', findings };
  },
};
