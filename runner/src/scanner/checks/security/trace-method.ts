// HTTP TRACE echoes the request back, headers included. Browsers no longer let scripts send TRACE, but an
// enabled TRACE still reveals headers that proxies add (internal addresses, authentication) and served
// cross-site tracing in the past, so servers should refuse it (OWASP WSTG-CONF-06).
import { bodyText } from '../../collect/page.js';
import type { Check } from '../../types.js';
import { truncate } from '../elements.js';
import { answeredProbes, requestLine } from './active-probes.js';

export const traceMethod: Check = {
  id: 'trace-method',
  category: 'security',
  depth: 'DEEP',
  title: 'HTTP TRACE enabled',
  run(artifacts) {
    const probes = answeredProbes(artifacts, 'trace');
    if ('notApplicable' in probes) return { findings: [], notApplicable: probes.notApplicable };
    const echoed = probes.find((p) => p.response.status === 200 && /^TRACE \S+ HTTP\//m.test(bodyText(p.response)) && bodyText(p.response).includes(p.marker ?? '\u0000'));
    if (echoed === undefined) return { outcome: 'trace-disabled', findings: [] };
    const first = bodyText(echoed.response).split(/\r?\n/)[0] ?? '';
    return {
      outcome: 'trace-enabled',
      findings: [
        {
          severity: 'low',
          title: 'The server answers HTTP TRACE',
          description: 'TRACE echoes the request with all its headers, including any a proxy or load balancer adds; nothing on a website needs it.',
          evidence: `${requestLine(echoed)} → 200, echoing ${JSON.stringify(truncate(first, 80))} and the marker header`,
          location: { url: echoed.url },
          remediation: 'Disable TRACE: Apache `TraceEnable off`; nginx and most application servers refuse it unless configured; at a CDN or load balancer, block the method.',
          references: ['https://owasp.org/www-project-web-security-testing-guide/latest/4-Web_Application_Security_Testing/02-Configuration_and_Deployment_Management_Testing/06-Test_HTTP_Methods'],
        },
      ],
    };
  },
};
