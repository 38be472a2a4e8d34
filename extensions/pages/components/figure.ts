import type { PageFigure } from '../../../src/views/pages/portfolio-page-view';

/** A figure as a page prints it: its value, or a dash with the reason kept for the note beside it. */
export const shown = (f: PageFigure): string => (f.kind === 'value' ? f.display : '—');
export const why = (f: PageFigure): string => (f.kind === 'value' ? '' : f.reason);
