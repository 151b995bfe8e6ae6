// Ink redraws by erasing every line of its last frame and writing the whole frame again. This writer sits
// between Ink and the terminal, remembers the lines on screen, and turns each such redraw into writes of
// only the lines that changed, each through the output filter: a frame that changes one row costs one row.

const eraseLineUp = '\u001B[2K\u001B[1A';
const eraseLine = '\u001B[2K';
const cursorLeft = '\u001B[G';
const eraseToEnd = '\u001B[K';
const clearHome = '\u001B[2J\u001B[H';
/** Ink's clear of the whole terminal, before a frame drawn when its last one was as tall as the screen. */
const clearTerminal = '\u001B[2J\u001B[3J\u001B[H';
/** Writes that change modes but draw nothing (synchronized output, cursor hide/show). */
const modeOnly = /^(?:\u001B\[\?\d+[hl])+$/;

export type Redraw = {
	/** Lines Ink erased, from the bottom up (its previous frame's line count, 0 for a first frame). */
	readonly erased: number;
	/** The frame, ending with a newline. */
	readonly frame: string;
};

/** Reads Ink's "erase the previous n lines, then write the frame"; undefined for any other write. */
export function parseRedraw(chunk: string): Redraw | undefined {
	let erased = 0;
	let at = 0;
	while (chunk.startsWith(eraseLineUp, at)) {
		erased++;
		at += eraseLineUp.length;
	}

	if (chunk.startsWith(eraseLine + cursorLeft, at)) {
		erased++;
		at += eraseLine.length + cursorLeft.length;
	} else if (erased > 0) return undefined;
	const frame = chunk.slice(at);
	return frame.endsWith('\n') ? {erased, frame} : undefined;
}

const up = (count: number) => (count > 0 ? `\u001B[${count}A` : '');
const down = (count: number) => (count > 0 ? `\u001B[${count}E` : '');

/**
 * What to write instead of the frame `next` when `previous` is on screen (both split on newlines, the
 * cursor on the line below the last): cursor moves and the changed lines only. Empty when nothing changed.
 */
export function frameDiff(previous: readonly string[], next: readonly string[], filter: (text: string) => string): string {
	const bottom = next.length - 1;
	let position = bottom;
	let out = '';
	for (let index = 0; index < bottom; index++) {
		if (next[index] === previous[index]) continue;
		out += index < position ? `${up(position - index)}\r` : down(index - position);
		out += `${filter(next[index]!)}${eraseToEnd}\n`;
		position = index + 1;
	}

	return out === '' ? '' : out + down(bottom - position);
}

const sgrOrControl = /\u001B\[[\d;?]*[A-Za-z]/g;

/** Whether a frame's lines fit columns × rows. */
function fits(frame: string, lines: readonly string[], columns: number, rows: number): boolean {
	// A frame ending with a newline has one more, empty, line: the one its cursor ends on.
	const height = frame.endsWith('\n') ? lines.length - 1 : lines.length;
	if (height > rows) return false;
	return lines.every((line) => [...line.replaceAll(sgrOrControl, '')].length <= columns);
}

export type FrameWriter = {
	/** What to send to the terminal for one write of Ink's. */
	readonly write: (chunk: string) => string;
	/** The screen was changed behind the writer's back (cleared on resize, a shell ran): draw the next frame whole. */
	readonly reset: () => void;
	/**
	 * The last frame whole, through the filter, for a screen just cleared with the cursor at home: the screen
	 * then shows what Ink believes it shows. Empty when the last write was not a frame, or when that frame
	 * does not fit `columns`×`rows` (drawn for an older size, it would wrap and scroll; the next frame,
	 * for the size that stayed, then draws whole on the blank screen).
	 */
	readonly repaint: (columns: number, rows: number) => string;
};

export function createFrameWriter(filter: (text: string) => string = (text) => text): FrameWriter {
	let onScreen: string[] | undefined;
	let lastFrame = '';
	return {
		write(chunk) {
			if (modeOnly.test(chunk)) return chunk;
			if (chunk.startsWith(clearTerminal)) {
				// A whole frame, with no newline after it when it fills the screen: the next redraw, which erases
				// from the line Ink left the cursor on, is drawn whole too.
				lastFrame = chunk.slice(clearTerminal.length);
				onScreen = undefined;
				return `${clearHome}${filter(lastFrame)}`;
			}

			const redraw = parseRedraw(chunk);
			if (!redraw) {
				onScreen = undefined;
				lastFrame = '';
				return filter(chunk);
			}

			lastFrame = redraw.frame;
			const next = redraw.frame.split('\n');
			const previous = onScreen;
			onScreen = next;
			if (previous && redraw.erased === previous.length && next.length === previous.length) {
				return frameDiff(previous, next, filter);
			}

			// Any other redraw is drawn from a blank screen at home, where every dockpit frame starts (it runs in
			// the alternate screen): Ink's "erase n lines up" counts from where it believes the cursor is, which
			// after a resize or a repaint need not be where it is (a frame drawn 11 rows low, seen in CI).
			return `${clearHome}${filter(redraw.frame)}`;
		},
		reset() {
			onScreen = undefined;
		},
		repaint(columns, rows) {
			const lines = lastFrame.split('\n');
			if (lastFrame === '' || !fits(lastFrame, lines, columns, rows)) {
				// The caller cleared the screen: what this writer remembered is no longer on it.
				onScreen = undefined;
				return '';
			}

			// Later redraws diff against it, unless it leaves the cursor on its last line instead of below it.
			onScreen = lastFrame.endsWith('\n') ? lines : undefined;
			return filter(lastFrame);
		},
	};
}
