/**
 * What every card function answers: a view to draw, an empty state with a message, or an error a
 * CSM can read (never raw JSON or a stack). The cards switch on `status`.
 */
export type CardResponse<T> =
  | { status: 'ok'; view: T }
  | { status: 'empty'; message: string }
  | { status: 'error'; code: CardErrorCode; message: string };

export type CardErrorCode = 'BAD_REQUEST' | 'NOT_FOUND' | 'FORBIDDEN' | 'UNAVAILABLE' | 'INTERNAL';
