// Every security check, in the order they appear in reports.
import type { Check } from '../../types.js';
import { xContentTypeOptions } from './x-content-type-options.js';

export const securityChecks: Check[] = [xContentTypeOptions];
