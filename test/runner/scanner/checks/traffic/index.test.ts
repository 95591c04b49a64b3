import { trafficChecks } from '../../../../../runner/src/scanner/checks/traffic/index.js';
import { describeCategoryRegistry } from '../../../../support/check-registry.js';

describeCategoryRegistry('traffic', trafficChecks, new Set(['site-cache-headers', 'site-text-compression']));
