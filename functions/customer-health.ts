import { appFunction } from '../src/app/app-function-adapter';
import { customerHealthCard } from '../src/app/cards/customer-health-handler';

/** App function behind the Customer health card (company record tab). */
export const main = appFunction(customerHealthCard);
