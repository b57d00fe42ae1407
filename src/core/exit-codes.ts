/** The exit-code contract, the same for every command (README: "Exit codes"). */
export const EXIT = {
  ok: 0,
  /** A KPI failed the check. */
  failed: 1,
  /** Bad usage or bad input: framework, data, options. */
  badInput: 2,
  /** A bug in journey-kpi. */
  internal: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
