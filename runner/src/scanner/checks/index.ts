import type { Check } from '../types.js';
import { securityChecks } from './security/index.js';
import { seoChecks } from './seo/index.js';
import { trafficChecks } from './traffic/index.js';

/** The whole catalog. Check ids are unique across categories (a test proves it). */
export const allChecks: Check[] = [...securityChecks, ...seoChecks, ...trafficChecks];
