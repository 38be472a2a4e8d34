/** A card's data as a tagged union: what to draw is decided by `status` alone. */
export type CardState<T> =
  | { status: 'loading' }
  | { status: 'ready'; view: T }
  | { status: 'empty'; message: string }
  | { status: 'error'; message: string };
