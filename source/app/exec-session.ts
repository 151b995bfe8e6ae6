// The terminal while a container process has it: raw keys to the process, its output to the screen,
// resizes forwarded. Runs between two renders of the dashboard (run.tsx), so Ink holds neither stdin
// nor raw mode meanwhile.
import {detachKeysText, type ExecOutcome, type ExecRequest} from '../state/details/exec.js';
import type {Engine} from '../docker/engine.js';
import type {ProcessStream} from '../docker/exec.js';
import {engineIdOf} from '../state/core/engines.js';

const leaveAlternate = '\u001B[?1049l';
const showCursor = '\u001B[?25h';
const ctrlC = '\u0003';
const ctrlP = '\u0010';
const ctrlQ = '\u0011';

/** How long the engine gets to act on the detach keys itself before the connection is simply dropped. */
const detachGraceMs = 400;

export type Terminal = {readonly stdin: NodeJS.ReadStream; readonly stdout: NodeJS.WriteStream};

function banner(request: ExecRequest): string {
	if (request.kind === 'attach') {
		return `dockpit: attached to ${request.name} — detach with ${detachKeysText}`;
	}

	const what = request.kind === 'shell' ? 'a shell' : request.command;
	return `dockpit: ${what} in ${request.name} — exit it to return to the dashboard`;
}

/**
 * Keys for an attached main process: the detach sequence is noticed here too, since the engine only sees
 * it when the container's stdin is open. Without a TTY, Ctrl-C is held back (`onCtrlC` is given): no
 * terminal in the container turns it into an interrupt, and to the docker CLI it would mean stopping the
 * container. With a TTY it goes through, as `docker attach` sends it, and interrupts the program there.
 */
function attachFilter(onDetach: () => void, onCtrlC?: () => void): (input: string) => string {
	let afterCtrlP = false;
	return (input) => {
		let out = '';
		for (const char of input) {
			if (char === ctrlC && onCtrlC) {
				onCtrlC();
				continue;
			}

			if (afterCtrlP && char === ctrlQ) onDetach();
			afterCtrlP = char === ctrlP;
			out += char;
		}

		return out;
	};
}

/** Runs the session to its end. Never throws: a failure to start is an outcome like any other. */
export async function runProcessSession(
	/** The engine a container's row (its key) is on. */
	engine: (key?: string) => Promise<Engine>,
	request: ExecRequest,
	{stdin, stdout}: Terminal,
	/** Hears every byte of the process's output too (X keeps its command's output for the result panel). */
	onOutput?: (data: Buffer) => void,
): Promise<ExecOutcome> {
	if (!stdin.isTTY) return {kind: 'failed', message: 'dockpit needs a terminal for this'};
	// Raw again at once: Ink has just left cooked mode on, and a key typed now would be echoed twice.
	stdin.setRawMode(true);
	stdout.write(`${showCursor}${leaveAlternate}\r\n\u001B[2m${banner(request)}\u001B[22m\r\n`);
	const size = () => ({columns: stdout.columns || 80, rows: stdout.rows || 24});
	const output = {
		write(data: Buffer) {
			onOutput?.(data);
			return stdout.write(data);
		},
	};

	let stream: ProcessStream;
	/** An attach to a main process that has no TTY: Ctrl-C is held back. */
	let holdCtrlC = false;
	try {
		const [loaded, {openAttach, openExec}] = await Promise.all([engine(request.id), import('../docker/exec.js')]);
		const onEngine = {...request, id: engineIdOf(request.id)};
		if (onEngine.kind === 'attach') {
			const attached = await openAttach(loaded, onEngine, size(), output);
			stream = attached;
			holdCtrlC = !attached.tty;
			if (holdCtrlC) stdout.write(`\u001B[2m(no TTY: Ctrl-C is not sent to ${request.name})\u001B[22m\r\n`);
		} else {
			stream = await openExec(loaded, onEngine, size(), output);
		}
	} catch (error) {
		return {kind: 'failed', message: error instanceof Error ? error.message : String(error)};
	}

	let graceTimer: NodeJS.Timeout | undefined;
	const filter =
		request.kind === 'attach'
			? attachFilter(
					() => {
						graceTimer ??= setTimeout(stream.close, detachGraceMs);
					},
					holdCtrlC
						? () =>
								stdout.write(
									`\r\n\u001B[2m[dockpit: Ctrl-C is not sent without a TTY; detach with ${detachKeysText}]\u001B[22m\r\n`,
								)
						: undefined,
				)
			: (input: string) => input;
	// Read the way Ink does ('readable' and read()), never 'data'/pause(): a paused TTY socket stops its
	// handle mid-read, and Ink's next 'readable' listener would then wait for data forever.
	const onReadable = () => {
		for (let chunk = stdin.read() as string | Buffer | null; chunk !== null; chunk = stdin.read() as string | Buffer | null) {
			const input = filter(typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
			if (input) stream.write(input);
		}
	};

	const onResize = () => stream.resize(size());
	stdin.ref();
	stdin.on('readable', onReadable);
	stdout.on('resize', onResize);
	try {
		return await stream.done;
	} finally {
		clearTimeout(graceTimer);
		stdout.off('resize', onResize);
		// Keys typed from here on wait in stdin (still raw, so not echoed) until the dashboard reads them.
		stdin.off('readable', onReadable);
		stdin.unref();
	}
}
