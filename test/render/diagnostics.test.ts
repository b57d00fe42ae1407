import { describe, expect, it } from 'vitest';
import { error, warning } from '../../src/core/diagnostics.js';
import { renderDiagnostics } from '../../src/render/diagnostics.js';

describe('renderDiagnostics', () => {
  it('prints file:line:col  severity  code  message, one per line', () => {
    const text = renderDiagnostics(
      [
        error('framework/yaml', 'bad indentation', { file: 'journey.yaml', line: 4, column: 11 }),
        warning('row/enum', "'x' is not one of 'a'", { file: 'data/a.csv', line: 9 }),
        error('usage/no-period', 'no period'),
      ],
      { color: false },
    );
    expect(text).toBe(
      [
        'journey.yaml:4:11  error  framework/yaml  bad indentation',
        "data/a.csv:9  warning  row/enum  'x' is not one of 'a'",
        'journey-kpi  error  usage/no-period  no period',
        '',
      ].join('\n'),
    );
  });

  it('indents an excerpt under its line', () => {
    const text = renderDiagnostics([error('framework/formula-syntax', 'expected )', { file: 'j.yaml', line: 2, column: 5 }, 'count(a\n      ^')], { color: false });
    expect(text).toBe('j.yaml:2:5  error  framework/formula-syntax  expected )\n    count(a\n          ^\n');
  });

  it('shows control characters from data as escapes, never raw', () => {
    const text = renderDiagnostics([warning('row/enum', "'\u001b[2J\u001b]0;pwned\u0007' is not allowed", { file: 'a.csv', line: 2, column: 1 })], { color: false });
    expect(text).toBe("a.csv:2:1  warning  row/enum  '\\u001b[2J\\u001b]0;pwned\\u0007' is not allowed\n");
  });
});
