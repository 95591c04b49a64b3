// Every security check, in the order they appear in reports.
import type { Check } from '../../types.js';
import { contentSecurityPolicy } from './content-security-policy.js';
import { cookies } from './cookies.js';
import { cors } from './cors.js';
import { crossOriginEmbedderPolicy } from './cross-origin-embedder-policy.js';
import { crossOriginOpenerPolicy } from './cross-origin-opener-policy.js';
import { crossOriginResourcePolicy } from './cross-origin-resource-policy.js';
import { deepSecurityChecks } from './deep.js';
import { httpRedirection } from './http-redirection.js';
import { mixedContent } from './mixed-content.js';
import { passwordOverHttp } from './password-over-http.js';
import { permissionsPolicy } from './permissions-policy.js';
import { referrerPolicy } from './referrer-policy.js';
import { strictTransportSecurity } from './strict-transport-security.js';
import { subresourceIntegrity } from './subresource-integrity.js';
import { tlsCertificate } from './tls-certificate.js';
import { tlsLegacyVersions } from './tls-legacy-versions.js';
import { versionDisclosure } from './version-disclosure.js';
import { xContentTypeOptions } from './x-content-type-options.js';
import { xFrameOptions } from './x-frame-options.js';

export const securityChecks: Check[] = [
  tlsCertificate,
  httpRedirection,
  strictTransportSecurity,
  tlsLegacyVersions,
  contentSecurityPolicy,
  cookies,
  cors,
  mixedContent,
  passwordOverHttp,
  subresourceIntegrity,
  xFrameOptions,
  xContentTypeOptions,
  referrerPolicy,
  permissionsPolicy,
  crossOriginOpenerPolicy,
  crossOriginResourcePolicy,
  crossOriginEmbedderPolicy,
  versionDisclosure,
  ...deepSecurityChecks,
];
