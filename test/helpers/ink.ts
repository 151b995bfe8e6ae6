// Component-test helpers over ink-testing-library: frames without colour codes, waiting for a frame
// instead of sleeping a fixed time, and resizing its fake terminal.
import {setTimeout as delay} from 'node:timers/promises';
import type {render} from 'ink-testing-library';
import stripAnsi from 'strip-ansi';
import {waitFor} from './wait.js';

export type Rendered = ReturnType<typeof render>;

/** The last frame as plain text. */
export const frame = (rendered: Rendered): string => stripAnsi(rendered.lastFrame() ?? '');

/** Lets Ink subscribe to stdin and run effects after a render, before keys are written. */
export const settle = (ms = 30): Promise<void> => delay(ms);

/** Waits until the last frame satisfies `test` (a string it contains, or a predicate); returns that frame. */
export async function waitForFrame(
	rendered: Rendered,
	test: string | RegExp | ((text: string) => boolean),
	{timeout = 2000, what}: {timeout?: number; what?: string} = {},
): Promise<string> {
	const matches =
		typeof test === 'string'
			? (text: string) => text.includes(test)
			: test instanceof RegExp
				? (text: string) => test.test(text)
				: test;
	try {
		return await waitFor(
			() => {
				const text = frame(rendered);
				return matches(text) ? text : undefined;
			},
			{timeout, interval: 10, what: what ?? `${String(test)} on screen`},
		);
	} catch (error) {
		// The frame on screen says more than the last probed value.
		throw new Error(`${(error as Error).message.split('; last value')[0]}\nlast frame:\n${frame(rendered)}`);
	}
}

/** Writes keys one at a time, letting each be routed and rendered before the next. */
export async function press(rendered: Rendered, ...keys: string[]): Promise<void> {
	for (const key of keys) {
		rendered.stdin.write(key);
		await settle(15);
	}
}

/**
 * Gives the fake terminal a size. ink-testing-library's stdout reports 100 columns from a getter and
 * no rows, so both are defined on the instance; 'resize' tells Ink and useTerminalSize.
 */
export function resize(rendered: Rendered, columns: number, rows: number): void {
	Object.defineProperty(rendered.stdout, 'columns', {value: columns, configurable: true});
	Object.defineProperty(rendered.stdout, 'rows', {value: rows, configurable: true});
	rendered.stdout.emit('resize');
}

/** Keys as a terminal sends them. */
export const keys = {
	up: '\u001B[A',
	down: '\u001B[B',
	escape: '\u001B',
	enter: '\r',
	backspace: '\u007F',
	ctrlU: '\u0015',
} as const;
