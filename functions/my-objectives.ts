import { appFunction } from '../src/app/app-function-adapter';
import { myObjectivesCard } from '../src/app/cards/my-objectives-handler';

/** App function behind the My objectives card (company record sidebar); the viewer comes from HubSpot's context. */
export const main = appFunction(myObjectivesCard);
