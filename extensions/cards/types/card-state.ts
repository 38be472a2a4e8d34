import type { CardResponse } from '../../../src/views/card-response';

/** A card's data as a tagged union: what to draw is decided by `status` alone. */
export type CardState<T> =
  | { status: 'loading' }
  | { status: 'ready'; view: T }
  | { status: 'empty'; message: string }
  | { status: 'error'; message: string };

/** What a card draws for a function's answer; anything unexpected is an error a CSM can read. */
export function cardStateOf<T>(response: CardResponse<T> | undefined): CardState<T> {
  if (response?.status === 'ok') return { status: 'ready', view: response.view };
  if (response?.status === 'empty') return { status: 'empty', message: response.message };
  return { status: 'error', message: response?.status === 'error' ? response.message : 'The card could not load its data.' };
}
