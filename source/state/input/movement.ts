// Where a movement key takes the selection in a list: one rule for every pane that lists rows.
import type {Command} from './keymap.js';

export type Movement = {readonly moves: false} | {readonly moves: true; readonly next?: number};

/**
 * The row a movement command selects among `count` rows, from `index`, a page being `pageSize` rows less
 * one; `moves: false` for a command that is not a movement, and no `next` when the list is empty.
 */
export function movement(command: Command, index: number, count: number, pageSize: number): Movement {
	const page = Math.max(1, pageSize - 1);
	const targets: Partial<Record<Command, number>> = {
		up: index - 1,
		down: index + 1,
		pageUp: index - page,
		pageDown: index + page,
		top: 0,
		bottom: count - 1,
	};
	const target = targets[command];
	if (target === undefined) return {moves: false};
	if (count === 0) return {moves: true};
	return {moves: true, next: Math.max(0, Math.min(count - 1, target))};
}
