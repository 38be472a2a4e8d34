import type { Figure } from '../../../src/views/customer-health-view';

/** A figure as the card prints it: its value, or "no data" with the reason beside it. */
export const figureNumber = (figure: Figure): string => (figure.kind === 'value' ? figure.display : '—');
export const figureNote = (figure: Figure): string => (figure.kind === 'value' ? figure.detail ?? '' : figure.reason);
