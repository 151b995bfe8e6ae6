import {Text} from 'ink';
import type {ReactNode} from 'react';
import type {Range} from '../state/logs/log-search.js';

/**
 * A line's text with its search matches on a coloured background (the current match's in magenta), as the
 * logs pane and the details panel draw them.
 */
export function highlighted(text: string, ranges: readonly Range[], current: boolean): ReactNode[] {
	const pieces: ReactNode[] = [];
	let at = 0;
	for (const [start, end] of ranges) {
		if (start >= text.length) break;
		if (start > at) pieces.push(text.slice(at, start));
		pieces.push(
			<Text key={start} backgroundColor={current ? 'magenta' : 'yellow'} color="black">
				{text.slice(start, Math.min(end, text.length))}
			</Text>,
		);
		at = end;
	}

	if (at < text.length) pieces.push(text.slice(at));
	return pieces;
}
