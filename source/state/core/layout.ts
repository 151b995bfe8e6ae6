// How the screen's rows are shared out: header, banner, pane title, list, the lower panel, dialogs, status
// line and footer. Pure arithmetic on the terminal size, so it is tested without rendering.
import type {AppState} from './app.js';
import {statusLines} from './status-lines.js';
import {engineBanners} from './engines.js';

export const minColumns = 60;
export const minRows = 12;

export type Layout = {
	/** The terminal cannot show the dashboard legibly. */
	readonly tooSmall: boolean;
	/** Rows the dashboard draws: one fewer than the terminal's, since a frame as tall as it makes Ink redraw all. */
	readonly height: number;
	/** Rows between the pane title and the status line, less a confirm dialog's. */
	readonly bodyHeight: number;
	/** Rows of the container or resource list. */
	readonly listHeight: number;
	/** Rows of the lower panel (logs or details); 0 when it is closed. */
	readonly panelHeight: number;
};

/**
 * `dialogHeight` is the confirm dialog's height at this width (ConfirmDialog measures its own text).
 * With a panel open the list keeps a third of the body (at least 3 rows), unless the panel is zoomed.
 */
export function screenLayout(state: AppState, columns: number, rows: number, dialogHeight = 0): Layout {
	const height = rows - 1;
	const banners = engineBanners(state.engine).length;
	// Header, pane title, the list's column titles and footer take one line each; the status line one or more.
	const statusRows = statusLines(state.ui.status, columns).length;
	const bodyHeight = Math.max(1, height - 4 - statusRows - banners - dialogHeight);
	const panelOpen = state.ui.panel !== 'none';
	const panelHeight = !panelOpen
		? 0
		: state.ui.zoomed
			? bodyHeight + 1
			: Math.max(3, bodyHeight - Math.max(3, Math.floor(bodyHeight / 3)) - 1);
	const listHeight = panelOpen ? Math.max(1, bodyHeight - panelHeight - 1) : bodyHeight;
	return {tooSmall: columns < minColumns || rows < minRows, height, bodyHeight, listHeight, panelHeight};
}
