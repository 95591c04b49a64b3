// The security checks of STANDARD and DEEP scans (the crawl and the probes feed them), in report order:
// what leaks first, then what the active probes find.
import type { Check } from '../../types.js';
import { corsOriginReflection } from './cors-origin-reflection.js';
import { directoryListing } from './directory-listing.js';
import { errorDisclosure } from './error-disclosure.js';
import { exposedFiles } from './exposed-files.js';
import { openRedirect } from './open-redirect.js';
import { reflectedInput } from './reflected-input.js';
import { securityTxt } from './security-txt.js';
import { traceMethod } from './trace-method.js';
import { vulnerableLibraries } from './vulnerable-libraries.js';

export const deepSecurityChecks: Check[] = [
  exposedFiles,
  vulnerableLibraries,
  directoryListing,
  errorDisclosure,
  securityTxt,
  corsOriginReflection,
  openRedirect,
  reflectedInput,
  traceMethod,
];
