/**
 * Ends a `switch` over operation kinds. TypeScript accepts the call only where every kind has
 * been handled (the value left is `never`), so adding an operation kind fails to compile
 * until each consumer handles it, as kysely's `Record<OperationNodeKind, …>` of visitors does.
 */
export function unhandledOperation(op: never): never {
  throw new Error(`No case for operation kind ${JSON.stringify((op as { kind?: unknown }).kind)}.`);
}
