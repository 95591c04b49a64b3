// A token that may not write answers 403 "Resource not accessible by integration": always so on a pull
// request from a fork (GitHub hands such runs a read-only GITHUB_TOKEN), or when the workflow's permissions
// leave out the scope. The comment and the check run are then skipped with a warning; the job summary stays.
import * as core from '@actions/core';

export const READ_ONLY_MESSAGE = 'Resource not accessible by integration';

export function isReadOnlyTokenError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { status, message } = error as { status?: unknown; message?: unknown };
  return status === 403 && typeof message === 'string' && message.includes(READ_ONLY_MESSAGE);
}

/**
 * Runs a write to GitHub; when the token may not write, warns why and returns undefined instead of failing.
 * `what` names the output ("the pull-request comment"), `permission` the scope it needs ("pull-requests: write").
 */
export async function unlessReadOnly<T>(what: string, permission: string, write: () => Promise<T>): Promise<T | undefined> {
  try {
    return await write();
  } catch (error) {
    if (!isReadOnlyTokenError(error)) throw error;
    core.warning(
      `Skipped ${what}: the token cannot write it (403 ${READ_ONLY_MESSAGE}). On a pull request from a fork GitHub gives ` +
        `the workflow a read-only token; otherwise add '${permission}' to the job's permissions. The job summary has the results.`,
    );
    return undefined;
  }
}
