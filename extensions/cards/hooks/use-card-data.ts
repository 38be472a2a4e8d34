import { useCallback, useEffect, useRef, useState } from 'react';
import type { JsonValue } from '@hubspot/ui-extensions';
import { CARD_RUNTIME } from '../config/card-runtime';
import type { CardRuntime } from '../config/card-runtime-type';
import { cardStateOf, type CardState } from '../types/card-state';
import { requestCard, type CardName } from './card-transport';

/**
 * Asks cs-health for the card's data (an app function or the backend, as the build decided) and
 * keeps the answer as a CardState. A response that arrives after a newer request was sent is
 * ignored, so a slow first render never overwrites a fresher one.
 */
export function useCardData<T>(card: CardName, parameters: Record<string, JsonValue>, runtime: CardRuntime = CARD_RUNTIME) {
  const [state, setState] = useState<CardState<T>>({ status: 'loading' });
  const latest = useRef(0);
  const load = useCallback(
    async (extra: Record<string, JsonValue> = {}) => {
      const request = ++latest.current;
      setState({ status: 'loading' });
      let next: CardState<T>;
      try {
        next = cardStateOf(await requestCard<T>(runtime, card, { ...parameters, ...extra }));
      } catch {
        next = { status: 'error', message: 'The card could not reach cs-health. Try again in a moment.' };
      }
      if (request === latest.current) setState(next);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [card, JSON.stringify(parameters), runtime],
  );
  useEffect(() => {
    void load();
  }, [load]);
  return { state, reload: load };
}
