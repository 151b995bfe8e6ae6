// X's result panel (issue 14, item 6): a command's terminal output as plain, bounded lines, how it ended,
// and the keys that scroll and close the panel.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {appReducer} from '../../source/state/core/app.js';
import {execOutputLines, execResult, maskOutputLine} from '../../source/state/details/exec.js';
import {routeKey} from '../../source/state/input/input.js';
import {createKeyMap} from '../../source/state/input/keymap.js';
import {makeContainer, stateWith} from '../helpers/fixtures.js';

const keys = createKeyMap();
const request = {kind: 'command', id: 'c1', name: 'web', command: 'ls; echo done'} as const;

describe('execOutputLines', () => {
	it('reads \\r\\n as the terminal does, drops escape sequences and keeps the last state of a rewritten line', () => {
		const {lines, dropped} = execOutputLines('\u001B[1;34mbin\u001B[0m\r\netc\r\n10%\r50%\r100%\r\n\u001B]0;title\u0007done\r\n');
		assert.deepEqual(lines, ['bin', 'etc', '100%', 'done']);
		assert.equal(dropped, 0);
	});

	it('shows other controls as placeholders, never raw', () => {
		assert.deepEqual(execOutputLines('a\u0007b\n').lines, ['a␇b']);
	});

	it('keeps the newest lines up to the cap and counts the rest', () => {
		const text = Array.from({length: 10}, (_, index) => `line ${index}`).join('\n');
		const {lines, dropped} = execOutputLines(text, 4);
		assert.deepEqual(lines, ['line 6', 'line 7', 'line 8', 'line 9']);
		assert.equal(dropped, 6);
	});
});

describe('execResult', () => {
	it('names the exit code, or why it ended', () => {
		assert.equal(execResult(request, {kind: 'exited', code: 0}, 'done\r\n').ending, 'exited (code 0)');
		assert.equal(execResult(request, {kind: 'exited', code: 3}, '').tone, 'info');
		assert.match(execResult(request, {kind: 'container-stopped', code: 137}, '').ending, /web stopped \(code 137\)/);
	});
});

describe('routeKey: the result panel', () => {
	const open = (lines: number) =>
		stateWith([makeContainer({id: 'c1', name: 'web'})], {
			type: 'ui/openDialog',
			dialog: execResult(request, {kind: 'exited', code: 0}, Array.from({length: lines}, (_, i) => `l${i}`).join('\n')),
		});
	const type = (state: ReturnType<typeof open>, ...names: string[]) => {
		for (const name of names) {
			for (const effect of routeKey(state, {name, text: name.length === 1 ? name : ''}, keys)) {
				if (effect.type === 'dispatch') state = appReducer(state, effect.action);
			}
		}

		return state;
	};

	it('j, k, G and g scroll it, within its lines', () => {
		let state = type(open(50), 'j', 'j');
		assert.ok(state.ui.dialog?.kind === 'execResult');
		assert.equal(state.ui.dialog.offset, 2);
		state = type(state, 'G');
		assert.ok(state.ui.dialog?.kind === 'execResult');
		assert.equal(state.ui.dialog.offset, 49);
		state = type(state, 'g', 'k');
		assert.ok(state.ui.dialog?.kind === 'execResult');
		assert.equal(state.ui.dialog.offset, 0);
	});

	it('Esc or Enter closes it; a container key does nothing while it is open', () => {
		assert.equal(type(open(3), 'escape').ui.dialog, undefined);
		assert.equal(type(open(3), 'enter').ui.dialog, undefined);
		assert.equal(routeKey(open(3), {name: 's', text: 's'}, keys).length, 0, 's does not stop the container under it');
	});
});

describe('maskOutputLine (issue 14, item 3: every view masks the same secrets)', () => {
	it('masks env-style lines by the Env rule and URL passwords anywhere, like the Env tab', () => {
		assert.equal(maskOutputLine('DB_PASSWORD=hunter2'), 'DB_PASSWORD=••••••••');
		assert.equal(maskOutputLine('export API_TOKEN=abc123'), 'export API_TOKEN=••••••••');
		assert.equal(maskOutputLine('MY_DSN=postgres://u:p@h/db'), 'MY_DSN=••••••••');
		assert.equal(maskOutputLine('connecting to postgres://u:p@h/db'), 'connecting to postgres://u:••••••••@h/db');
		assert.equal(maskOutputLine('PATH=/usr/bin:/bin'), 'PATH=/usr/bin:/bin');
	});

	it('a new result starts masked, and the reveal key toggles it', () => {
		const dialog = execResult(request, {kind: 'exited', code: 0}, 'DB_PASSWORD=hunter2\n');
		assert.equal(dialog.revealed, false);
		const state = stateWith([makeContainer({id: 'c1', name: 'web'})], {type: 'ui/openDialog', dialog});
		const [effect] = routeKey(state, {name: 'v', text: 'v'}, keys);
		assert.ok(effect?.type === 'dispatch' && effect.action.type === 'ui/openDialog');
		assert.ok(effect.action.dialog.kind === 'execResult' && effect.action.dialog.revealed);
	});
});
