/** init in-process: the question on a terminal, the answers it takes, and the files it plans. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { planFiles } from '../../src/cli/init-files.js';
import type { InputStream, Io } from '../../src/cli/io.js';
import { run } from '../../src/cli/main.js';
import { answerKind, askTemplate, questionText } from '../../src/cli/template-question.js';
import { TEMPLATE_KINDS } from '../../src/cli/templates.js';
import { UserError } from '../../src/core/diagnostics.js';
import { KIND_NAMES } from '../../scripts/generate/kinds.js';

function terminal(answers: string, isTTY = true): InputStream {
  return Object.assign(Readable.from([answers]), { isTTY });
}

function fakeIo(stdin: InputStream | undefined, cwd = tmpdir()) {
  const out = { stdout: '', stderr: '' };
  const io: Io = {
    stdout: { write: (text: string) => (out.stdout += text) },
    stderr: { write: (text: string) => (out.stderr += text) },
    cwd,
    env: {},
    ...(stdin ? { stdin } : {}),
  };
  return { io, out };
}

describe('the template question', () => {
  it('offers every kind that has a template and an example, numbered', () => {
    expect([...TEMPLATE_KINDS].sort()).toEqual([...KIND_NAMES].sort());
    const lines = questionText().split('\n');
    expect(lines[0]).toBe('Which journey do you measure?');
    expect(lines.slice(1, -1).map((line) => /^ {2}(\d)\. (\S+)/.exec(line)?.slice(1))).toEqual(TEMPLATE_KINDS.map((kind, at) => [String(at + 1), kind]));
    expect(lines.at(-1)).toBe('Answer with a number or a name: ');
  });

  it('takes a number in range or a name, nothing else', () => {
    expect(answerKind('2')).toBe(TEMPLATE_KINDS[1]);
    expect(answerKind('service')).toBe('service');
    expect(answerKind('0')).toBeUndefined();
    expect(answerKind(String(TEMPLATE_KINDS.length + 1))).toBeUndefined();
    expect(answerKind('Service')).toBeUndefined();
  });

  it('asks again after an answer it cannot use, on stderr', async () => {
    const { io, out } = fakeIo(terminal('9\nservice\n'));
    await expect(askTemplate(io)).resolves.toBe('service');
    expect(out.stderr).toBe(`${questionText()}'9' is not one of the numbers 1 to ${TEMPLATE_KINDS.length} or a name above. Which journey? `);
    expect(out.stdout).toBe('');
  });

  it('without a terminal, or when input ends unanswered, is a usage error listing the kinds', async () => {
    for (const stdin of [undefined, terminal('service\n', false), terminal('')]) {
      const failure = await askTemplate(fakeIo(stdin).io).catch((thrown: unknown) => thrown);
      expect(failure).toBeInstanceOf(UserError);
      expect((failure as UserError).diagnostics[0]?.message).toContain(`pass --template KIND, one of ${TEMPLATE_KINDS.join(', ')}`);
    }
  });
});

describe('journey-kpi init, in-process', () => {
  const dir = mkdtempSync(join(tmpdir(), 'journey-kpi-init-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('asks on a terminal and writes the template chosen by number', async () => {
    const { io, out } = fakeIo(terminal(`${TEMPLATE_KINDS.indexOf('service') + 1}\n`), dir);
    expect(await run(['init', 'asked'], io)).toBe(0);
    expect(out.stdout.split('\n')[0]).toBe('wrote asked/journey.yaml (the service template)');
    expect(readFileSync(join(dir, 'asked', 'journey.yaml'), 'utf8')).toContain('journey: My support team');
  });

  it('plans journey.yaml with its $schema naming the schema copied beside it', async () => {
    const [framework, schema] = await planFiles('service', false);
    expect([framework?.path, schema?.path]).toEqual(['journey.yaml', 'journey-kpi.schema.json']);
    await framework?.write(join(dir, 'planned.yaml'));
    expect(readFileSync(join(dir, 'planned.yaml'), 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=journey-kpi.schema.json');
  });
});
