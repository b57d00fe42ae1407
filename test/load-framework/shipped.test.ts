/** Every framework the package ships loads cleanly: a template that fails to load is a broken promise. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFramework } from '../../src/load/framework/index.js';

const REPO = join(import.meta.dirname, '..', '..');
const shipped = [
  ...readdirSync(join(REPO, 'frameworks')).map((name) => join('frameworks', name)),
  ...readdirSync(join(REPO, 'examples')).map((name) => join('examples', name, 'journey.yaml')),
];

describe('shipped frameworks', () => {
  it.each(shipped)('%s loads without a problem', async (path) => {
    const framework = await loadFramework(join(REPO, path));
    expect(framework.stages.length).toBeGreaterThan(0);
  });
});
