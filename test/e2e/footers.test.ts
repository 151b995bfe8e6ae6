// Issue 14, item 9, as a user meets it: the footer offers the focused element's keys, and only keys that do
// something there. The built CLI in a real pty against the real engine.
import assert from 'node:assert/strict';
import {startDockpit} from '../helpers/pty.js';
import {containerState, createContainer, engineSuite, it, SCOPE_FILTER, uniqueName} from '../helpers/engine.js';

/**
 * The footer: the last line of "key label" entries ("Enter close", "? help"). Under heavy load a key has
 * been seen echoed alone on the row below it, so a line without a key and a label is passed over.
 */
const footer = (screen: string): string[] =>
	(
		screen
			.split('\n')
			.filter((line) => /\S \S/.test(line))
			.at(-1) ?? ''
	)
		.trim()
		.split(/ {2,}/);

engineSuite('footers that tell the truth (issue 14, item 9)', () => {
	it('the bulk result offers the key that closes it (not y, f, n), and f does nothing there', async () => {
		const prefix = uniqueName('foot-bulk');
		const names = [`${prefix}-a`, `${prefix}-b`];
		for (const name of names) await createContainer({name, start: false});
		const session = await startDockpit({args: ['--filter', SCOPE_FILTER], cols: 160, rows: 30});
		await session.press('/');
		await session.type(prefix);
		await session.press('enter');
		await session.waitForScreen((screen) => names.every((name) => screen.includes(name)), {what: 'both rows', timeout: 20_000});
		await session.press('a');
		await session.waitForText('2 marked');
		await session.press('u');
		await session.waitForText('Start 2 marked containers?');
		await session.press('y');
		const result = await session.waitForScreen(
			(screen) => screen.includes('Started 2 of 2') && screen.includes('[Enter] close') && footer(screen).includes('Enter close'),
			{what: 'the bulk result, whole', timeout: 20_000},
		);
		assert.deepEqual(footer(result), ['Enter close'], `the footer offers what the dialog says:\n${result}`);
		for (const name of names) {
			const state = await containerState(name);
			assert.ok(state.exists && state.state.Running, `${name} runs`);
		}

		// f, once offered there, does nothing: the result stays until Enter closes it.
		await session.press('f');
		await session.settled();
		assert.ok(session.screen().includes('[Enter] close'), 'f leaves the result open');
		await session.press('enter');
		await session.waitForScreen((screen) => !screen.includes('[Enter] close') && footer(screen).includes('u start'), {
			what: "the list's footer back",
		});
	});

	it("in read-only mode the list's footer has the list's keys, not the details panel's", async () => {
		const name = uniqueName('foot-ro');
		await createContainer({name});
		const session = await startDockpit({args: ['--read-only', '--filter', SCOPE_FILTER], cols: 200, rows: 30});
		const screen = await session.waitForScreen((text) => text.includes(name) && footer(text).includes('i details'), {
			what: 'the list and its footer',
			timeout: 20_000,
		});
		const entries = footer(screen);
		for (const lie of ['Tab next tab', 'Esc close', 'z zoom', 'J raw JSON', 'v reveal', 's stop', 'u start']) {
			assert.ok(!entries.includes(lie), `"${lie}" is not offered on the read-only list: ${entries.join(' | ')}`);
		}

		// The details keys are offered once the panel has the focus, and there they act.
		await session.press('i');
		const details = await session.waitForScreen((text) => footer(text).includes('z zoom'), {what: "the details panel's footer"});
		assert.ok(footer(details).includes('Esc close'), footer(details).join(' | '));
		await session.press('escape');
		await session.waitForScreen((text) => footer(text).includes('i details'), {what: "the list's footer again"});
	});
});
