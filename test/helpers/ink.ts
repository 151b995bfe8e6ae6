// Component-test helpers over ink-testing-library: frames without colour codes, waiting for a frame
// or for the app to go idle instead of sleeping a fixed time, and resizing its fake terminal.
import process from 'node:process';
import type {render} from 'ink-testing-library';
import stripAnsi from 'strip-ansi';
import {waitFor} from './wait.js';

export type Rendered = ReturnType<typeof render>;

/** The last frame as plain text. */
export const frame = (rendered: Rendered): string => stripAnsi(rendered.lastFrame() ?? '');

/** Longest wait for the app to go idle; only an app that never stops scheduling work reaches it. */
const IDLE_TIMEOUT_MS = 2000;

/** One turn of the event loop: every immediate queued before this one has run. */
const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Immediates queued and not yet run, other than ours: React's scheduled effects, the store's batched notify, Ink's lone-Esc flush. */
const pendingImmediates = (): number => process.getActiveResourcesInfo().filter((name) => name === 'Immediate').length;

/**
 * Resolves once the app has run everything it scheduled to run at once: Ink reads a key and React renders
 * it synchronously, while effects (React's scheduler), the store's notifications and a lone Esc (Ink waits
 * a turn for the rest of a sequence) each run from an immediate and may queue more. Idle means a turn
 * ended with no immediate left, twice in a row, and with `rendered` given, no frame written meanwhile.
 * Timers and I/O are not waited for: wait for what they show with waitForFrame.
 */
async function idle(rendered?: Rendered): Promise<void> {
	const deadline = performance.now() + IDLE_TIMEOUT_MS;
	let quietTurns = 0;
	let frames = rendered?.frames.length ?? 0;
	while (quietTurns < 2) {
		if (performance.now() > deadline) {
			throw new Error(`the app was still scheduling work after ${IDLE_TIMEOUT_MS} ms (an effect or immediate that never stops?)`);
		}

		await turn();
		const written = rendered?.frames.length ?? 0;
		quietTurns = pendingImmediates() === 0 && written === frames ? quietTurns + 1 : 0;
		frames = written;
	}
}

/**
 * Lets a render or an update finish: effects run and the store's notifications rendered, so a frame read
 * next is the one the app settles on until a timer or I/O changes it. Deterministic, not a sleep: the
 * argument, once a sleep in milliseconds, is ignored.
 */
export const settle = async (_ms?: number): Promise<void> => idle();

/**
 * Resolves once Ink reads `rendered`'s stdin: useInput subscribes in an effect, and a key written before
 * it would be dropped. Fails if no component is listening for keys.
 */
async function subscribed(rendered: Rendered): Promise<void> {
	if (rendered.stdin.listenerCount('readable') > 0) return;
	await waitFor(
		async () => {
			await turn();
			return rendered.stdin.listenerCount('readable') > 0;
		},
		{timeout: IDLE_TIMEOUT_MS, interval: 0, what: 'Ink to read stdin (no component calls useInput, or it is inactive)'},
	);
}

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

/**
 * Writes keys one at a time, each once Ink reads stdin and the app is idle again after the one before:
 * routed, dispatched and rendered, effects run. A frame read after this shows every key.
 */
export async function press(rendered: Rendered, ...keys: string[]): Promise<void> {
	for (const key of keys) {
		await subscribed(rendered);
		rendered.stdin.write(key);
		await idle(rendered);
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
