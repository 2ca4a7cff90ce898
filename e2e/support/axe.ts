import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** WCAG 2.2 AA automated checks (standards A1): the violations axe-core finds on the page, one line each. */
export async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  return result.violations.map((v) => `${v.id} (${v.nodes.length}) on ${page.url()}: ${v.nodes[0]?.target.join(' ')} ${v.nodes[0]?.html.slice(0, 200) ?? ''}`);
}
