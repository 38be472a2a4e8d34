import { appFunction } from '../src/app/app-function-adapter';
import { retentionTargetCard } from '../src/app/cards/retention-target-handler';

/** App function behind the Retention target card (deal record sidebar). */
export const main = appFunction(retentionTargetCard);
