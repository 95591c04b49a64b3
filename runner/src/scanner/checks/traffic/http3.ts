// HTTP/3 runs over QUIC (UDP): faster connection set-up and no head-of-line blocking on lossy mobile
// networks. Browsers learn that a server speaks it from the `Alt-Svc` header (e.g. `h3=":443"`) and switch
// on later requests. Its absence costs nothing on good networks, hence info.
import { header, headerLine } from '../../headers.js';
import type { Check } from '../../types.js';

const REFERENCES = [
  'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Alt-Svc',
  'https://developer.mozilla.org/en-US/docs/Glossary/HTTP_3',
];

/** Whether an Alt-Svc value advertises HTTP/3 (the final `h3` or a draft such as `h3-29`). */
export function advertisesHttp3(altSvc: string | undefined): boolean {
  return altSvc !== undefined && /(^|,)\s*h3(-[\w]+)?\s*=/i.test(altSvc);
}

export const http3: Check = {
  id: 'http3',
  category: 'traffic',
  depth: 'QUICK',
  title: 'HTTP/3 (Alt-Svc)',
  run({ page }) {
    const res = page.response;
    const altSvc = header(res, 'alt-svc');
    if (advertisesHttp3(altSvc)) return { outcome: 'http3-advertised', findings: [] };
    return {
      outcome: 'http3-not-advertised',
      findings: [
        {
          severity: 'info',
          title: 'The server does not advertise HTTP/3',
          description: `No \`Alt-Svc\` header offers \`h3\`, so browsers never try HTTP/3, which sets up connections faster and copes better with lossy mobile networks.${new URL(res.url).protocol === 'http:' ? ' HTTP/3 also requires HTTPS.' : ''}`,
          evidence: altSvc === undefined ? 'No Alt-Svc header on the page response.' : headerLine('Alt-Svc', altSvc),
          location: { url: res.url, header: 'Alt-Svc' },
          remediation: 'Enable HTTP/3 (QUIC) on the server or CDN (nginx 1.25+ `listen 443 quic;` with `add_header Alt-Svc \'h3=":443"; ma=86400\';`, or the CDN\'s HTTP/3 switch) and allow UDP port 443.',
          references: REFERENCES,
        },
      ],
    };
  },
};
