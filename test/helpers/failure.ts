import { isAppError, type AppError } from '../../src/errors.js';

/** Runs an action that must fail with an AppError, and answers the error. */
export async function failure(action: () => Promise<unknown>): Promise<AppError> {
  try {
    await action();
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error('expected the action to fail');
}
