/**
 * The journey templates `init` offers: frameworks/<kind>.yaml, and the
 * example exports of examples/<kind>/data that --with-data copies.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { error, UserError } from '../core/diagnostics.js';
import { didYouMean } from '../core/suggest.js';
import { PACKAGE_ROOT } from './package-root.js';

/** Each kind with what it suits, in the order the question lists them. */
export const TEMPLATES = {
  ecommerce: 'online store: visits, cart, checkout, orders, repeat purchases, NPS',
  service: 'customer support: first response SLA, first-contact resolution, handling time, reopens, CSAT, effort',
  b2b: 'B2B sales: lead, MQL, SQL, opportunity, won; win rate, sales cycle, deal size, pipeline velocity, NPS',
  'small-business': 'small shop or cafe: one order sheet and one survey sheet, five KPIs',
  'digital-first': 'app and website: visits, installs, session length, feature usage, app-store rating',
  'product-led': 'self-serve product: sign-ups, active users, feature adoption, invites, free-to-paid',
} as const;

export type TemplateKind = keyof typeof TEMPLATES;
export const TEMPLATE_KINDS = Object.keys(TEMPLATES) as TemplateKind[];

export function isTemplateKind(name: string): name is TemplateKind {
  return Object.hasOwn(TEMPLATES, name);
}

/** The kind named, or a usage error that lists the kinds and the closest one. */
export function templateKind(name: string): TemplateKind {
  if (isTemplateKind(name)) return name;
  throw new UserError(
    error('usage/template', `there is no template '${name}'.${didYouMean(name, TEMPLATE_KINDS)} Choose one of: ${TEMPLATE_KINDS.join(', ')}`),
  );
}

export function templateFile(kind: TemplateKind): string {
  return join(PACKAGE_ROOT, 'frameworks', `${kind}.yaml`);
}

export const SCHEMA_FILE = join(PACKAGE_ROOT, 'schema', 'framework.schema.json');

/** The template's text. */
export function readTemplate(kind: TemplateKind): Promise<string> {
  return readFile(templateFile(kind), 'utf8');
}

export function sampleDataFolder(kind: TemplateKind): string {
  return join(PACKAGE_ROOT, 'examples', kind, 'data');
}

/** The names of the example's data files, sorted. */
export async function sampleDataFiles(kind: TemplateKind): Promise<string[]> {
  return (await readdir(sampleDataFolder(kind))).sort();
}
