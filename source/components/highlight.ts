import chalk from 'chalk';
import type {Range} from '../state/logs/log-search.js';

/**
 * A line's text with its search matches on a coloured background (the current match's in magenta), as the
 * logs pane and the details panel draw them: one string with the colours written in, as Ink's `<Text
 * backgroundColor color="black">` would write each match (colour first, then background).
 */
export function highlighted(text: string, ranges: readonly Range[], current: boolean): string {
	const background = current ? chalk.bgMagenta : chalk.bgYellow;
	let result = '';
	let at = 0;
	for (const [start, end] of ranges) {
		if (start >= text.length) break;
		if (start > at) result += text.slice(at, start);
		result += background(chalk.black(text.slice(start, Math.min(end, text.length))));
		at = end;
	}

	if (at < text.length) result += text.slice(at);
	return result;
}
