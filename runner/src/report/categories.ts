// How the report names each category and finds its score in a scan result.
import type { Category, ScanResult } from '../scanner/types.js';

export const CATEGORY_NAME: Record<Category, string> = {
  security: 'Security',
  seo: 'SEO',
  traffic: 'Traffic & delivery',
};

export function categoryScore(result: ScanResult, category: Category): number {
  return { security: result.securityScore, seo: result.seoScore, traffic: result.trafficScore }[category];
}
