// Runs the built CLI (or any command) in a real pseudo-terminal and mirrors its output into a
// headless xterm, so tests read the screen a user would see and send the bytes a terminal sends.
import {existsSync} from 'node:fs';
import path from 'node:path';
import {after} from 'node:test';
import {setTimeout as delay} from 'node:timers/promises';
import {fileURLToPath} from 'node:url';
import xterm, {type Terminal as XTerm} from '@xterm/headless';
import {spawn, type IPty} from 'node-pty';
import {keySequence} from './keys.js';

const {Terminal} = xterm;

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** DOCKPIT_CLI points the suites at another build, so a run is not broken by someone rebuilding dist/ meanwhile. */
export const CLI_PATH = process.env['DOCKPIT_CLI']
	? path.resolve(process.env['DOCKPIT_CLI'])
	: path.join(REPO_ROOT, 'dist', 'cli.js');

/**
 * Variables that make the child behave unlike a user's terminal: under CI Ink 6 prints only the
 * last frame at exit and ignores resizes; TERM_PROGRAM/KITTY_WINDOW_ID start a keyboard-protocol
 * probe; COLUMNS/LINES would shadow the pty's real size; NODE_TEST_CONTEXT is node:test's own.
 */
const HOST_ONLY_ENV = [
	'CI',
	'CONTINUOUS_INTEGRATION',
	'TERM_PROGRAM',
	'TERM_PROGRAM_VERSION',
	'KITTY_WINDOW_ID',
	'COLUMNS',
	'LINES',
	'NODE_TEST_CONTEXT',
];

export type StartOptions = {
	/** Appended to the command line. */
	readonly args?: readonly string[];
	/** Merged over the test's environment; `undefined` removes a variable. */
	readonly env?: Readonly<Record<string, string | undefined>>;
	readonly cols?: number;
	readonly rows?: number;
	/** Spawn this instead of `node dist/cli.js` (the harness's own tests use it). */
	readonly command?: readonly string[];
	/**
	 * Least milliseconds between two keys. Ink hands a run of characters read at once to useInput
	 * as one string, and reads ESC then "j" as Alt+J, so keys must reach the app separately.
	 */
	readonly keyGap?: number;
	/** Working directory (default: the repository), e.g. a scratch folder for files the program may save. */
	readonly cwd?: string;
};

export type ExitStatus = {readonly exitCode: number; readonly signal?: number};

export type ScreenWaitOptions = {readonly timeout?: number; readonly what: string};

const live = new Set<Session>();

/**
 * Ink wraps each frame in synchronized-output marks when its stdout is a terminal (dockpit forgets a CI
 * variable before Ink loads, so always): the screen is whole only outside them. A program that does not
 * use them (the harness's own fixture, a shell under exec) is whole after each write.
 */
const FRAME_MARK = /\u001B\[\?2026([hl])/g;
const FRAME_MARK_LENGTH = '\u001B[?2026h'.length;

/** Longest wait for a started frame to end, or for xterm to apply the output: settled() never hangs. */
const SETTLE_LIMIT_MS = 500;

/** Kills and frees every session still open. Registered as a root `after` hook under node:test. */
export async function closeAllSessions(): Promise<void> {
	await Promise.all([...live].map(async (session) => session.close()));
}

// A pty that outlives its test keeps the file's process, and so the whole run, from ending. Only
// under the test runner: node:test hooks in a plain script (a benchmark) would print a test report.
const underTestRunner = process.env['NODE_TEST_CONTEXT'] !== undefined || /\.test\.[cm]?[jt]sx?$/.test(process.argv[1] ?? '');
if (underTestRunner) after(closeAllSessions);

/** The environment of a program run in a test terminal: the test's own, less what no user's terminal has, with `env` over it. */
export function terminalEnv(env: Readonly<Record<string, string | undefined>> = {}): Record<string, string> {
	const childEnv: Record<string, string | undefined> = {...process.env};
	for (const name of HOST_ONLY_ENV) delete childEnv[name];
	childEnv['TERM'] = 'xterm-256color';
	// dockpit draws ASCII under a locale that is not UTF-8; a machine with no locale set at all (a bare CI
	// box) should still show what a user's UTF-8 terminal shows, unless a test sets the locale itself.
	if (!childEnv['LC_ALL'] && !childEnv['LC_CTYPE'] && !childEnv['LANG']) childEnv['LANG'] = 'C.UTF-8';
	for (const [name, value] of Object.entries(env)) {
		if (value === undefined) delete childEnv[name];
		else childEnv[name] = value;
	}

	return childEnv as Record<string, string>;
}

export async function startDockpit(options: StartOptions = {}): Promise<Session> {
	const {args = [], env = {}, cols = 100, rows = 30, command, keyGap = 30, cwd = REPO_ROOT} = options;
	if (!command && !existsSync(CLI_PATH)) {
		throw new Error(`${CLI_PATH} is missing; run \`npm run build\` first`);
	}

	// The built file runs itself, as the installed `dockpit` command does (its shebang carries the heap flags).
	const [file, ...commandArgs] = command ?? [CLI_PATH];
	if (file === undefined) throw new Error('startDockpit(): `command` is empty');

	const childEnv = terminalEnv(env);
	const child = spawn(file, [...commandArgs, ...args], {name: 'xterm-256color', cols, rows, cwd, env: childEnv});
	const session = new Session(child, new Terminal({cols, rows, allowProposedApi: true, scrollback: 1000}), keyGap);
	live.add(session);
	void session.exited.then(() => live.delete(session));
	return session;
}

export class Session {
	readonly exited: Promise<ExitStatus>;
	private output = '';
	private exitStatus: ExitStatus | undefined;
	private lastWrite: Promise<void> = Promise.resolve();
	private keySentAt = Number.NaN;
	/** Output received has started a frame (ESC[?2026h) that has not ended yet (ESC[?2026l). */
	private inFrame = false;
	/** How much of `output` has been searched for frame marks. */
	private scanned = 0;
	private readonly changeListeners = new Set<() => void>();
	private lastKeyAt = 0;

	constructor(
		private readonly child: IPty,
		/** The headless terminal that holds the screen, for checks beyond these helpers. */
		readonly terminal: XTerm,
		private readonly keyGap: number,
	) {
		child.onData((data) => {
			this.output += data;
			this.trackFrames();
			this.lastWrite = new Promise((resolve) => {
				// xterm can drop a write's callback when the terminal is resized under it; never wait forever.
				const fallback = setTimeout(resolve, 250);
				terminal.write(data, () => {
					clearTimeout(fallback);
					resolve();
					this.notifyChange();
				});
			});
		});
		// Answers to the program's queries (cursor position, device attributes), as a terminal would.
		terminal.onData((reply) => {
			if (!this.exitStatus) child.write(reply);
		});
		this.exited = new Promise((resolve) => {
			child.onExit(async (status) => {
				this.exitStatus = status;
				// A frame cut off by the exit never ends: wake a settled() waiting for it.
				this.notifyChange();
				await this.settled();
				resolve(status);
				this.notifyChange();
			});
		});
	}

	get pid(): number {
		return this.child.pid;
	}

	/** The visible rows, right-trimmed. Reflects parsed output; the waitFor methods parse all first. */
	screen(): string {
		const buffer = this.terminal.buffer.active;
		const lines: string[] = [];
		for (let y = 0; y < this.terminal.rows; y++) {
			lines.push(buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '');
		}

		return lines.join('\n');
	}

	/** Every byte the program has written so far, escape sequences included. */
	raw(): string {
		return this.output;
	}

	/**
	 * Resolves when all output received so far is on the screen and no frame is half drawn: a frame larger
	 * than one pty read arrives in pieces, so when the output ends inside a frame, wait for the rest of it.
	 * Bounded (SETTLE_LIMIT_MS): xterm may drop a write's callback after a resize, and a program may die
	 * mid-frame; after the limit the screen is read as it is.
	 */
	async settled(): Promise<void> {
		const giveUpAt = performance.now() + SETTLE_LIMIT_MS;
		for (;;) {
			const pending = this.lastWrite;
			await pending;
			const remaining = giveUpAt - performance.now();
			if (remaining <= 0) return;
			// More output arrived meanwhile: put that on the screen too.
			if (pending !== this.lastWrite) continue;
			if (!this.inFrame || this.exitStatus) return;
			await this.nextChange(remaining);
		}
	}

	async waitForText(text: string | RegExp, {timeout = 10_000}: {readonly timeout?: number} = {}): Promise<string> {
		const matches = typeof text === 'string' ? (screen: string) => screen.includes(text) : (screen: string) => text.test(screen);
		return this.waitForScreen(matches, {timeout, what: `text ${typeof text === 'string' ? JSON.stringify(text) : String(text)}`});
	}

	/** Resolves with the screen once `predicate` holds; fails at once if the program exits first. */
	async waitForScreen(predicate: (screen: string) => boolean, {timeout = 10_000, what}: ScreenWaitOptions): Promise<string> {
		const deadline = Date.now() + timeout;
		for (;;) {
			await this.settled();
			const screen = this.screen();
			if (predicate(screen)) return screen;
			if (this.exitStatus) throw this.failure(`the program exited (${describeExit(this.exitStatus)}) before showing ${what}`);
			const remaining = deadline - Date.now();
			if (remaining <= 0) throw this.failure(`timed out after ${timeout} ms waiting for ${what}`);
			await this.nextChange(remaining);
		}
	}

	/** Sends keys one at a time: names such as 'down', 'enter', 'ctrl+c', or literal text. */
	/**
	 * When the last key reached the program (performance.now()): press() first waits for a frame to end and
	 * for the gap between keys, so a key's latency counts from here, not from the call.
	 */
	get lastKeySent(): number {
		return this.keySentAt;
	}

	async press(...keys: string[]): Promise<void> {
		for (const key of keys) {
			await this.settled();
			const applicationCursorKeys = this.terminal.modes.applicationCursorKeysMode;
			await this.send(keySequence(key, {applicationCursorKeys}));
		}
	}

	/** Sends text as typed, with no key names interpreted. */
	async type(text: string): Promise<void> {
		await this.send(text);
	}

	resize(cols: number, rows: number): void {
		this.terminal.resize(cols, rows);
		if (!this.exitStatus) this.child.resize(cols, rows);
		this.notifyChange();
	}

	/**
	 * Closes the terminal's master side, as a terminal window killed around a `setsid` program does: the
	 * program gets no signal from it, only failing reads and writes.
	 */
	closeTerminal(): void {
		(this.child as IPty & {destroy: () => void}).destroy();
	}

	kill(signal?: string): void {
		if (!this.exitStatus) this.child.kill(signal);
	}

	/** Kills the program if it still runs, waits for it, and frees the terminal. Safe to repeat. */
	async close(): Promise<void> {
		this.kill('SIGKILL');
		await this.exited;
		live.delete(this);
		this.terminal.dispose();
	}

	private async send(bytes: string): Promise<void> {
		if (this.exitStatus) {
			throw this.failure(`cannot send ${JSON.stringify(bytes)}: the program exited (${describeExit(this.exitStatus)})`);
		}

		const wait = this.lastKeyAt + this.keyGap - Date.now();
		if (wait > 0) await delay(wait);
		this.child.write(bytes);
		this.lastKeyAt = Date.now();
		this.keySentAt = performance.now();
	}

	/** Follows the frame marks in the output received since the last call, even one split across reads. */
	private trackFrames(): void {
		FRAME_MARK.lastIndex = Math.max(0, this.scanned - (FRAME_MARK_LENGTH - 1));
		let mark: RegExpExecArray | null;
		while ((mark = FRAME_MARK.exec(this.output))) this.inFrame = mark[1] === 'h';
		this.scanned = this.output.length;
	}

	private async nextChange(timeout: number): Promise<void> {
		let timer: NodeJS.Timeout | undefined;
		let listener: (() => void) | undefined;
		try {
			await new Promise<void>((resolve) => {
				listener = resolve;
				this.changeListeners.add(resolve);
				timer = setTimeout(resolve, timeout);
			});
		} finally {
			clearTimeout(timer);
			if (listener) this.changeListeners.delete(listener);
		}
	}

	private notifyChange(): void {
		for (const listener of this.changeListeners) listener();
		this.changeListeners.clear();
	}

	private failure(message: string): Error {
		const {cols, rows} = this.terminal;
		const lines = this.screen().replace(/\n+$/, '');
		return new Error(`${message}\n── screen ${cols}x${rows} ──\n${lines}\n── end of screen ──`);
	}
}

function describeExit({exitCode, signal}: ExitStatus): string {
	return signal ? `code ${exitCode}, signal ${signal}` : `code ${exitCode}`;
}

/** The program is on the alternate screen (a full-screen UI that has not restored the terminal). */
export function isAlternateScreen(session: Session): boolean {
	return session.terminal.buffer.active.type === 'alternate';
}

/** xterm keeps cursor visibility private, so read the last DECTCEM the program wrote. */
export function isCursorHidden(session: Session): boolean {
	const output = session.raw();
	return output.lastIndexOf('\u001B[?25l') > output.lastIndexOf('\u001B[?25h');
}
