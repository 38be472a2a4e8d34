import { useCallback, useEffect, useRef, useState } from 'react';
import { hubspot, type JsonValue } from '@hubspot/ui-extensions';
import type { CardResponse } from '../../../src/views/card-response';
import { cardStateOf, type CardState } from '../types/card-state';

/**
 * Calls the card's app function and keeps its answer as a CardState. A response that arrives after
 * a newer request was sent is ignored, so a slow first render never overwrites a fresher one.
 */
export function useCardData<T>(functionName: string, parameters: Record<string, JsonValue>) {
  const [state, setState] = useState<CardState<T>>({ status: 'loading' });
  const latest = useRef(0);
  const load = useCallback(
    async (extra: Record<string, JsonValue> = {}) => {
      const request = ++latest.current;
      setState({ status: 'loading' });
      let next: CardState<T>;
      try {
        const response = await hubspot.serverless<CardResponse<T>>(functionName, { parameters: { ...parameters, ...extra } });
        next = cardStateOf(response);
      } catch {
        next = { status: 'error', message: 'The card could not reach cs-health. Try again in a moment.' };
      }
      if (request === latest.current) setState(next);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [functionName, JSON.stringify(parameters)],
  );
  useEffect(() => {
    void load();
  }, [load]);
  return { state, reload: load };
}
