/**
 * Problems are data: a code that tests and scripts can rely on, wording for
 * people, and where it happened so terminals and editors can jump there.
 */
export type Severity = 'error' | 'warning';

export interface SourceLocation {
  readonly file: string;
  /** 1-based. */
  readonly line?: number;
  /** 1-based character column. */
  readonly column?: number;
}

export interface Diagnostic {
  /** Stable identifier such as `framework/schema` or `row/invalid-number`. */
  readonly code: string;
  readonly severity: Severity;
  /** What is wrong and what to do about it. */
  readonly message: string;
  readonly location?: SourceLocation;
  /** Optional source excerpt, already laid out with a caret line under it. */
  readonly excerpt?: string;
}

/**
 * The one kind of error a command throws for bad usage or bad input.
 * The entry point prints its diagnostics and exits 2.
 */
export class UserError extends Error {
  readonly diagnostics: readonly Diagnostic[];

  constructor(diagnostics: readonly Diagnostic[] | Diagnostic) {
    const list = Array.isArray(diagnostics) ? diagnostics : [diagnostics as Diagnostic];
    super(list.map((d) => d.message).join('\n'));
    this.name = 'UserError';
    this.diagnostics = list;
  }
}

export function error(code: string, message: string, location?: SourceLocation, excerpt?: string): Diagnostic {
  return { code, severity: 'error', message, ...(location && { location }), ...(excerpt !== undefined && { excerpt }) };
}

export function warning(code: string, message: string, location?: SourceLocation): Diagnostic {
  return { code, severity: 'warning', message, ...(location && { location }) };
}
