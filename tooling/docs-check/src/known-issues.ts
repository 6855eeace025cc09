import type { DocError } from './check.js';

/**
 * Errors that come from the packages, not from their docs: an example that shows correct usage
 * but does not compile because of an API bug. Each is reported to the maintainers; the tests
 * accept exactly these, and fail when one no longer occurs (remove it here then).
 */
export interface KnownIssue {
  /** Start of the error's `where`: the documentation file, or the consumer config. */
  where: string;
  /** The error code and a part of its message. */
  message: string;
  /** Why it fails and what would fix it. */
  reason: string;
}

/** Known errors of the workspace check (test/docs.test.ts). */
export const KNOWN_DOC_ISSUES: readonly KnownIssue[] = [];

/** Known errors of the consumer project (test/consumer.test.ts). */
export const KNOWN_CONSUMER_ISSUES: readonly KnownIssue[] = [];

/** The errors no known issue explains, and the known issues that no error matched (stale). */
export function splitKnown(errors: readonly DocError[], known: readonly KnownIssue[]): { unexpected: DocError[]; stale: KnownIssue[] } {
  const matches = (error: DocError, issue: KnownIssue): boolean => error.where.startsWith(issue.where) && error.message.includes(issue.message);
  return {
    unexpected: errors.filter((error) => !known.some((issue) => matches(error, issue))),
    stale: known.filter((issue) => !errors.some((error) => matches(error, issue))),
  };
}
