// The terminal is borrowed (source/app/terminal.ts): raw mode comes before anything is drawn, and restore
// gives back cooked mode, the cursor and the main screen once.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {takeTerminal} from '../../source/app/terminal.js';

/** A terminal's two streams that log, in order, every mode change and write made to them. */
function fakeTerminal() {
	const calls: string[] = [];
	const stdin = {
		isTTY: true,
		isRaw: false,
		setRawMode(raw: boolean) {
			this.isRaw = raw;
			calls.push(`raw ${raw}`);
			return this;
		},
	};
	const stdout = {
		isTTY: true,
		write(text: string) {
			calls.push(`write ${JSON.stringify(text)}`);
			return true;
		},
	};
	return {calls, stdin: stdin as unknown as NodeJS.ReadStream, stdout: stdout as unknown as NodeJS.WriteStream};
}

describe('takeTerminal', () => {
	it('takes raw mode before it draws anything, so a key typed while the first frame is drawn is not echoed', () => {
		const {calls, stdin, stdout} = fakeTerminal();
		takeTerminal(stdout, stdin);
		assert.deepEqual(calls, ['raw true', `write ${JSON.stringify('\u001B[?1049h\u001B[H')}`]);
	});

	it('gives back cooked mode, the cursor and the main screen, once', () => {
		const {calls, stdin, stdout} = fakeTerminal();
		const terminal = takeTerminal(stdout, stdin);
		calls.length = 0;
		terminal.restore();
		terminal.restore();
		assert.deepEqual(calls, ['raw false', `write ${JSON.stringify('\u001B[?25h\u001B[?1049l')}`]);
	});

	it('leaves a stream that is not a terminal alone', () => {
		const {calls, stdin, stdout} = fakeTerminal();
		(stdin as unknown as {isTTY: boolean}).isTTY = false;
		(stdout as unknown as {isTTY: boolean}).isTTY = false;
		takeTerminal(stdout, stdin).restore();
		assert.deepEqual(calls, []);
	});
});
