// The status line's text as the rows it takes: wrapped at the terminal's width so a long error (the
// daemon's own words) can be read whole, up to a few rows; layout.ts gives those rows to the status line.
import type {Status} from './ui.js';

/** Rows a status may take before its last row is cut with an ellipsis. */
export const statusMaxRows = 4;

const marks = {info: '', progress: '… ', success: '✓ ', error: '✗ '} as const;

/** The rows of the status at this width: at least one (blank when there is no status), at most statusMaxRows. */
export function statusLines(status: Status | undefined, columns: number): string[] {
	if (!status) return [''];
	const width = Math.max(1, columns);
	const rows: string[] = [];
	let row: string[] = [];
	const push = () => {
		rows.push(row.join(''));
		row = [];
	};

	for (const word of `${marks[status.tone]}${status.text}`.split(/(?<= )/)) {
		const chars = [...word];
		// A word that does not fit what is left of the row starts the next one (its trailing space may hang).
		if (row.length > 0 && row.length + chars.length - (word.endsWith(' ') ? 1 : 0) > width) push();
		for (const char of chars) {
			if (row.length >= width) {
				if (char === ' ') continue;
				push();
			}

			row.push(char);
		}
	}

	push();
	const trimmed = rows.map((line) => line.trimEnd());
	if (trimmed.length <= statusMaxRows) return trimmed;
	const last = [...trimmed[statusMaxRows - 1]!];
	return [...trimmed.slice(0, statusMaxRows - 1), `${last.slice(0, width - 1).join('')}…`];
}
