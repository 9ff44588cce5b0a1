/**
 * A form the engine refused is shown again, with the engine's reason beside the field it concerns,
 * by one error middleware: a route that takes a form says how its page shows the refusal
 * (`onRefusal`) and then only awaits, so routes never catch. A refusal the person cannot answer on
 * the form (sign in first, a record that is not there, a failure of ours) goes on to the error pages.
 */
import type { ErrorRequestHandler, Response } from 'express';
import { isAppError, type AppError } from '../../errors.js';

/** Shows the page of the refused form again, with `refused` on it; sends the answer. */
export type ShowRefused = (refused: AppError) => Promise<void> | void;

const SHOW = 'showRefused';
/** Refusals with pages of their own (`routes/errors.tsx`), never shown on a form. */
const OWN_PAGES = new Set(['UNAUTHENTICATED', 'NOT_FOUND']);

/** Says how this request's page shows its form again if the engine refuses what it sent. */
export function onRefusal(response: Response, show: ShowRefused): void {
  response.locals[SHOW] = show;
}

/** The middleware: a refusal a form can show is shown on it; anything else goes to the next handler. */
export const formRefusals: ErrorRequestHandler = async (error: unknown, _request, response, next) => {
  const show = response.locals[SHOW] as ShowRefused | undefined;
  if (!show || response.headersSent || !isAppError(error) || error.status >= 500 || OWN_PAGES.has(error.code)) {
    next(error);
    return;
  }
  // Once only: a failure while showing the form again is an error page, not another attempt.
  delete response.locals[SHOW];
  await show(error);
};
