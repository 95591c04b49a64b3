/** A mistake in how a command was called; the command line prints the message and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
