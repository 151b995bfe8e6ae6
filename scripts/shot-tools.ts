// What every screenshot run shares: writing the terminal's cells to screenshots/<name>.svg, moving the
// selection onto a named row the way a user would, and waiting for a screen that has stopped changing.
import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {REPO_ROOT, isCursorHidden, type Session} from '../test/helpers/pty.js';
import {terminalSvg} from './terminal-svg.js';

/** Every shot is taken at this size, so the pictures line up in README's gallery and stay readable. */
export const COLS = 120;
export const ROWS = 32;
export const OUT_DIR = path.join(REPO_ROOT, 'screenshots');

/** Writes screenshots/ and remembers what it wrote, for the summary at the end. */
export class Camera {
	readonly written: string[] = [];

	constructor() {
		mkdirSync(OUT_DIR, {recursive: true});
	}

	shoot(session: Session, name: string, title: string): void {
		const file = path.join(OUT_DIR, `${name}.svg`);
		writeFileSync(file, terminalSvg(session.terminal, {title, cursor: !isCursorHidden(session)}));
		this.written.push(path.relative(REPO_ROOT, file));
		console.log(`  wrote ${path.relative(REPO_ROOT, file)}`);
	}
}

/**
 * A container row naming `name`: the mark gutter (one column), the selection marker or a blank, then
 * the name, indented when the row is a member of a compose project or stack.
 */
const containerRow = (name: string) => new RegExp(`^.[▶ ] +${name.replaceAll('.', '\\.')} `);

/** Whether a list row is the selected one (marked ▶ in its first two columns). */
const isSelected = (line: string) => line.slice(0, 2).includes('▶');

/**
 * Moves the list's selection (the row marked ▶) onto the first row that `row` accepts (by default, the
 * containers list's row naming `name`), counting rows on screen and pressing j or k as a user would.
 */
export async function select(
	session: Session,
	name: string,
	row: (line: string) => boolean = (line) => containerRow(name).test(line),
): Promise<void> {
	await session.settled();
	const lines = session.screen().split('\n');
	const from = lines.findIndex((line) => isSelected(line));
	const to = lines.findIndex((line) => row(line));
	if (from < 0 || to < 0) throw new Error(`no row for ${name} (or no selection) on the screen:\n${session.screen()}`);
	const key = to > from ? 'j' : 'k';
	for (let step = 0; step < Math.abs(to - from); step++) await session.press(key);
	await session.waitForScreen((screen) => screen.split('\n').some((line) => isSelected(line) && row(line)), {
		what: `${name} selected`,
	});
}

/** The screen row that holds `text`, or ''. */
export const rowWith = (screen: string, text: string | RegExp): string =>
	screen.split('\n').find((line) => (typeof text === 'string' ? line.includes(text) : text.test(line))) ?? '';

/** A screen that has stayed the same for `quiet` ms: spinners and counters have settled. */
export async function steady(session: Session, quiet = 400, timeout = 5000): Promise<void> {
	const deadline = Date.now() + timeout;
	let last = '';
	let since = Date.now();
	while (Date.now() < deadline) {
		await session.settled();
		const screen = session.screen();
		if (screen !== last) {
			last = screen;
			since = Date.now();
		} else if (Date.now() - since >= quiet) {
			return;
		}

		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}
