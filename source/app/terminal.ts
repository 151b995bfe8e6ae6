// The terminal is borrowed, not owned: enter the alternate screen on start, and give back the screen,
// the cursor and cooked mode on every way out (quit, Ctrl-C, SIGTERM, SIGHUP, a crash).

const enterAlternate = '\u001B[?1049h\u001B[H';
const leaveAlternate = '\u001B[?1049l';
const showCursor = '\u001B[?25h';

export type TerminalGuard = {
	/** Restores the terminal; safe to call more than once. */
	readonly restore: () => void;
	/** The terminal has gone away (a write failed): nothing is to be written to it any more, not even on exit. */
	readonly abandon: () => void;
};

export function takeTerminal(stdout: NodeJS.WriteStream, stdin: NodeJS.ReadStream): TerminalGuard {
	let restored = false;
	// Raw before anything is drawn. Ink takes raw mode in an effect that runs only after its first frame is
	// written, and a key typed in between was echoed by the terminal onto the row below the frame, where
	// no later frame erases it (a stray "/" seen in CI). Keys typed now wait, unechoed, until Ink reads them.
	if (stdin.isTTY) stdin.setRawMode(true);
	if (stdout.isTTY) stdout.write(enterAlternate);
	const restore = () => {
		if (restored) return;
		restored = true;
		if (stdin.isTTY && stdin.isRaw) stdin.setRawMode(false);
		if (stdout.isTTY) stdout.write(showCursor + leaveAlternate);
	};

	process.once('exit', restore);
	return {
		restore,
		abandon() {
			restored = true;
		},
	};
}
