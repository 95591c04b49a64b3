// Every seo check, in the order they appear in reports.
import type { Check } from '../../types.js';

export const seoChecks: Check[] = [];
