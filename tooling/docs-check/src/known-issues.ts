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
export const KNOWN_DOC_ISSUES: readonly KnownIssue[] = [
  {
    where: 'packages/rest-core/src/resource/resource-operations.ts',
    message: "TS2322 Type 'QuerySpec<object>' is not assignable to type 'QuerySpec<InventoryChildrenFilters>'",
    reason:
      'The query specs of resources without a context package (inventoryChildrenQuerySpec, …) are typed QuerySpec<object>, ' +
      'so a typed ItemCollection<InventoryChildrenFilters> cannot use them; they need their filter type (defineQuery<F>).',
  },
];

/** Known errors of the consumer project (test/consumer.test.ts). */
export const KNOWN_CONSUMER_ISSUES: readonly KnownIssue[] = [
  {
    where: 'tsconfig.node-no-dom.json: node_modules/',
    message: "TS2552 Cannot find name 'RequestInfo'",
    reason:
      "@c8y/rest-core's FetchFunction (dist/client/options.d.ts) names the DOM-only type RequestInfo: a Node.js project " +
      "with lib ['ES2022'] and types ['node'] (no DOM lib) and skipLibCheck: false does not compile. " +
      'typeof fetch, or (input: string | URL | Request, init?: RequestInit), would.',
  },
];

/** The errors no known issue explains, and the known issues that no error matched (stale). */
export function splitKnown(errors: readonly DocError[], known: readonly KnownIssue[]): { unexpected: DocError[]; stale: KnownIssue[] } {
  const matches = (error: DocError, issue: KnownIssue): boolean => error.where.startsWith(issue.where) && error.message.includes(issue.message);
  return {
    unexpected: errors.filter((error) => !known.some((issue) => matches(error, issue))),
    stale: known.filter((issue) => !errors.some((error) => matches(error, issue))),
  };
}
