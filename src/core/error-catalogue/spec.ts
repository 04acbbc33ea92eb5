/** The shape of one catalogue entry. */
export type Params = Record<string, string | number | undefined>;

export interface ErrorSpec<P extends Params> {
  status: number;
  retryable: boolean;
  /** The operator sentence: what happened, in plant terms. */
  message: (p: P) => string;
  /** What to do next. */
  hint: (p: P) => string;
}

export function spec<P extends Params>(s: ErrorSpec<P>): ErrorSpec<P> {
  return s;
}
