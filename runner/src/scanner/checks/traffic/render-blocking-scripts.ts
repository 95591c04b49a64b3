// A classic <script src> in <head> stops the HTML parser until the script has downloaded and run, so
// nothing on the page renders in the meantime. `defer`, `async` and `type="module"` (deferred by default)
// lift the block; scripts with a non-JavaScript type and `nomodule` scripts are not run by modern browsers.
import type { Element } from 'domhandler';
import type { Check } from '../../types.js';
import { htmlOf, listSome, openingTag, selectorOf } from '../elements.js';

const REFERENCES = [
  'https://developer.chrome.com/docs/lighthouse/performance/render-blocking-resources',
  'https://developer.mozilla.org/en-US/docs/Web/HTML/Reference/Elements/script#defer',
];

export function isRenderBlocking(script: Element): boolean {
  const a = script.attribs;
  if (a.src === undefined || a.async !== undefined || a.defer !== undefined || a.nomodule !== undefined) return false;
  const type = (a.type ?? '').trim().toLowerCase();
  // The empty type and every JavaScript MIME type run as classic scripts; "module" defers, others are data.
  return type === '' || /javascript|ecmascript|jscript|livescript/.test(type);
}

export const renderBlockingScripts: Check = {
  id: 'render-blocking-scripts',
  category: 'traffic',
  depth: 'QUICK',
  title: 'Render-blocking scripts',
  run({ page }) {
    const html = htmlOf(page);
    if ('notApplicable' in html) return { findings: [], notApplicable: html.notApplicable };
    const blocking = html.$('head script').toArray().filter(isRenderBlocking);
    if (blocking.length === 0) return { outcome: 'render-blocking-scripts-none', findings: [] };
    const n = blocking.length;
    return {
      outcome: 'render-blocking-scripts-found',
      findings: [
        {
          severity: 'low',
          title: `${n} script${n === 1 ? '' : 's'} in <head> block${n === 1 ? 's' : ''} rendering`,
          description: 'The browser stops building the page at each of these scripts until it has been downloaded and run, so visitors look at a blank screen for longer.',
          evidence: listSome(blocking.map((s) => openingTag(s))),
          location: { url: page.response.url, selector: selectorOf(blocking[0]!) },
          remediation: 'Add `defer` to scripts that need the document (they then run in order after parsing) or `async` to independent ones such as analytics; or move them to the end of `<body>`.',
          references: REFERENCES,
        },
      ],
    };
  },
};
