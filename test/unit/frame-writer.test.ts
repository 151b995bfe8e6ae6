// The line-diffing writer between Ink and the terminal: Ink's whole-frame redraws become writes of the
// changed lines only, and a terminal emulator fed either ends up showing the same screen.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import xterm from '@xterm/headless';
import {createFrameWriter, frameDiff, parseRedraw} from '../../source/app/frame-writer.js';
import {seededRandom} from '../helpers/fixtures.js';

const {Terminal} = xterm;

/** What Ink's log-update writes for a frame when `previousLines` lines (its last frame's split) are on screen. */
function inkRedraw(previousLines: number, frame: string): string {
	let erase = '';
	for (let index = 0; index < previousLines; index++) erase += '\u001B[2K' + (index < previousLines - 1 ? '\u001B[1A' : '');
	if (previousLines > 0) erase += '\u001B[G';
	return erase + frame;
}

async function screenAfter(chunks: readonly string[], cols = 40, rows = 12): Promise<string[]> {
	const terminal = new Terminal({cols, rows, allowProposedApi: true, convertEol: true});
	for (const chunk of chunks) await new Promise<void>((resolve) => terminal.write(chunk, resolve));
	const buffer = terminal.buffer.active;
	const lines = Array.from({length: rows}, (_, y) => buffer.getLine(y)?.translateToString(true) ?? '');
	lines.push(`cursor ${buffer.cursorX},${buffer.cursorY}`);
	terminal.dispose();
	return lines;
}

describe('parseRedraw', () => {
	it('reads the erased line count and the frame, and refuses other writes', () => {
		assert.deepEqual(parseRedraw(inkRedraw(3, 'a\nb\n')), {erased: 3, frame: 'a\nb\n'});
		assert.deepEqual(parseRedraw('a\nb\n'), {erased: 0, frame: 'a\nb\n'});
		assert.equal(parseRedraw(inkRedraw(3, '')), undefined);
		assert.equal(parseRedraw('\u001B[2J\u001B[3J\u001B[Ha\nb'), undefined);
	});
});

describe('frameDiff', () => {
	it('writes only the changed line, and nothing for an unchanged frame', () => {
		const previous = ['one', 'two', 'three', ''];
		assert.equal(
			frameDiff(previous, previous, (text) => text),
			'',
		);
		const diff = frameDiff(previous, ['one', 'TWO', 'three', ''], (text) => text);
		assert.equal(diff.replaceAll(/\u001B\[\d*[A-Za-z]|\r|\n/g, ''), 'TWO');
	});
});

describe('createFrameWriter', () => {
	it('leaves a terminal showing exactly what full redraws would, over 60 random frames', async () => {
		const random = seededRandom(7);
		// As in dockpit: the frame is one line shorter than the terminal, and rows may fill its whole width.
		const height = 11;
		const frames = Array.from(
			{length: 60},
			() =>
				Array.from({length: height}, (_, row) =>
					random() < 0.2 ? `row ${row} ${'x'.repeat(Math.floor(random() * 35))}` : `row ${row}`,
				).join('\n') + '\n',
		);
		const full: string[] = [];
		const writer = createFrameWriter();
		const diffed: string[] = [];
		let previous = 0;
		for (const frame of frames) {
			const chunk = inkRedraw(previous, frame);
			full.push(chunk);
			diffed.push(writer.write(chunk));
			previous = frame.split('\n').length;
		}

		assert.deepEqual(await screenAfter(diffed), await screenAfter(full));
		const fullBytes = full.join('').length;
		const diffBytes = diffed.join('').length;
		assert.ok(diffBytes < fullBytes / 2, `${diffBytes} bytes written instead of ${fullBytes}`);
	});

	it('draws the next frame whole, from a blank screen at home, after a reset or a write it does not understand', async () => {
		const whole = (frame: string) => `\u001B[2J\u001B[H${frame}`;
		const writer = createFrameWriter();
		const first = 'a\nb\nc\n';
		assert.equal(writer.write(inkRedraw(0, first)), whole(first));
		writer.reset();
		assert.equal(writer.write(inkRedraw(4, 'a\nB\nc\n')), whole('a\nB\nc\n'));
		assert.equal(writer.write('\u001B[?2026h'), '\u001B[?2026h');
		assert.notEqual(writer.write(inkRedraw(4, 'a\nB\nC\n')), whole('a\nB\nC\n'), 'a diff, not the whole frame');
		writer.write('\u001B[2J\u001B[Hsomething else');
		assert.equal(writer.write(inkRedraw(4, 'a\nb\nc\n')), whole('a\nb\nc\n'));
	});

	it('draws a redraw whose erase count is not the frame on screen from home, where Ink meant it (CI: a frame 11 rows low)', async () => {
		const writer = createFrameWriter();
		writer.write(inkRedraw(0, 'h\nr1\nr2\nr3\nfooter\n'));
		// Ink believes fewer lines are on screen than there are (its count after a resize).
		const chunk = inkRedraw(2, 'header\nrow\nfooter\n');
		const screen = await screenAfter(['h\nr1\nr2\nr3\nfooter\n', writer.write(chunk)], 20, 8);
		assert.deepEqual(screen.slice(0, 4), ['header', 'row', 'footer', '']);
	});

	it('passes only the changed lines through the output filter', () => {
		const seen: string[] = [];
		const writer = createFrameWriter((text) => {
			seen.push(text);
			return text;
		});
		const rows = Array.from({length: 40}, (_, index) => `row ${index}`);
		writer.write(inkRedraw(0, rows.join('\n') + '\n'));
		seen.length = 0;
		rows[17] = 'row 17 changed';
		writer.write(inkRedraw(41, rows.join('\n') + '\n'));
		assert.deepEqual(seen, ['row 17 changed']);
	});

	it('repaints the last frame whole on a cleared screen, and later frames diff against it', async () => {
		const writer = createFrameWriter((text) => text.toUpperCase());
		writer.write(inkRedraw(0, 'one\ntwo\n'));
		writer.write(inkRedraw(3, 'Terminal too small\nneeds 60x12\n'));
		// A resize cleared the screen: Ink, whose last frame is unchanged, writes nothing more.
		const repainted = ['\u001B[2J\u001B[H', writer.repaint(40, 12)];
		assert.deepEqual(await screenAfter(repainted), await screenAfter(['TERMINAL TOO SMALL\nNEEDS 60X12\n']));
		// The next frame is a diff against the repainted one, and the screen is what a full redraw gives.
		const next = inkRedraw(3, 'Terminal too small\nneeds 60x12 (now 50x10)\n');
		assert.deepEqual(
			await screenAfter([...repainted, writer.write(next)]),
			await screenAfter(['TERMINAL TOO SMALL\nNEEDS 60X12 (NOW 50X10)\n']),
		);
	});

	it('repaints nothing for a frame that does not fit the size that stayed, or when the last write was no frame', () => {
		const writer = createFrameWriter();
		writer.write(inkRedraw(0, `${'x'.repeat(50)}\nshort\n`));
		assert.equal(writer.repaint(40, 12), '', 'a frame drawn for 50 columns would wrap on 40');
		assert.equal(writer.repaint(50, 12), `${'x'.repeat(50)}\nshort\n`);
		assert.equal(writer.repaint(50, 1), '', 'two lines do not fit one row');
		writer.write('\u001B[2J\u001B[Hsomething else');
		assert.equal(writer.repaint(80, 24), '');
	});

	it('knows the frame Ink draws with a clear of the whole terminal (a frame as tall as the screen), and repaints it', async () => {
		// Ink clears the terminal and writes the frame, with no newline after it, when its last frame was as
		// tall as the screen: the first frame after the terminal got shorter. A resize to fewer rows then
		// left the screen blank until something on it changed (the repaint knew no last frame to draw).
		const writer = createFrameWriter((text) => text.toUpperCase());
		writer.write(inkRedraw(0, 'title\nrow\nfooter\n'));
		const full = 'title\nrow\nrow 2\nfooter';
		const drawn = writer.write(`\u001B[2J\u001B[3J\u001B[H${full}`);
		assert.deepEqual(await screenAfter([drawn], 40, 4), await screenAfter([full.toUpperCase()], 40, 4));
		const repainted = ['\u001B[2J\u001B[H', writer.repaint(40, 4)];
		assert.deepEqual(await screenAfter(repainted, 40, 4), await screenAfter([full.toUpperCase()], 40, 4));
		assert.equal(writer.repaint(40, 3), '', 'four lines do not fit three rows');
		// The next redraw is drawn whole: Ink erases from where it left the cursor, on the last line.
		const next = writer.write(inkRedraw(4, 'title\nrow\nfooter\n'));
		assert.deepEqual(await screenAfter([drawn, next], 40, 4), await screenAfter(['TITLE\nROW\nFOOTER\n'], 40, 4));
	});

	it('after a repaint that drew nothing on the cleared screen, the next frame is drawn whole', async () => {
		// CI, after a storm of resizes: the last frame was drawn for an older, taller size, so the repaint drew
		// nothing on the screen it had just cleared; the next frame, the same height as that one, was a diff
		// against lines no longer on screen, and the title and header never came back.
		const writer = createFrameWriter();
		const tall = (last: string) => ['title', 'header', 'row 1', 'row 2', last].join('\n') + '\n';
		writer.write(inkRedraw(0, tall('footer')));
		const cleared = ['\u001B[2J\u001B[H', writer.repaint(40, 4)];
		assert.equal(cleared[1], '', 'five lines do not fit four rows');
		assert.deepEqual(
			await screenAfter([...cleared, writer.write(inkRedraw(6, tall('footer, later')))]),
			await screenAfter([tall('footer, later')]),
		);
	});
});
