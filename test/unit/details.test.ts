// The details panel, exec and attach as the router sees them: which keys open, switch, scroll and close
// the panel, and which effects hand the terminal over, with what status comes back after.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {appReducer, type AppState} from '../../source/state/core/app.js';
import {detailsReducer, detailsTabs, type DetailsView} from '../../source/state/details/details.js';
import {execCommand, execStatus, type ExecRequest} from '../../source/state/details/exec.js';
import {routeKey, type Effect} from '../../source/state/input/input.js';
import {createKeyMap} from '../../source/state/input/keymap.js';
import {makeContainer, stateWith} from '../helpers/fixtures.js';

const keys = createKeyMap();
const press = (name: string) => ({name, text: name.length === 1 ? name : ''});

function type(state: AppState, ...names: string[]): {state: AppState; effects: Effect[]} {
	const effects: Effect[] = [];
	for (const name of names) {
		for (const effect of routeKey(state, press(name), keys)) {
			effects.push(effect);
			if (effect.type === 'dispatch') state = appReducer(state, effect.action);
		}
	}

	return {state, effects};
}

const execs = (effects: Effect[]) => effects.flatMap((effect) => (effect.type === 'exec' ? [effect.request] : []));

const running = makeContainer({id: 'run-1', name: 'web', state: 'running'});
const stopped = makeContainer({id: 'stop-1', name: 'old', state: 'exited'});
const only = (container = running) => stateWith([container]);

describe('detailsReducer', () => {
	const open = detailsReducer(undefined, {kind: 'open', id: 'a', name: 'web'})!;

	it('opens on Inspect, masked and readable', () => {
		assert.deepEqual(open, {
			subject: 'container',
			id: 'a',
			name: 'web',
			tab: 'inspect',
			offset: 0,
			maxOffset: 0,
			raw: false,
			revealed: false,
			lines: [],
			search: {query: ''},
		});
	});

	it('cycles the tabs both ways, scrolled back to the top', () => {
		let view: DetailsView = {...open, offset: 3, maxOffset: 10};
		view = detailsReducer(view, {kind: 'tab', by: -1})!;
		assert.equal(view.tab, 'diff');
		assert.equal(view.offset, 0);
		for (let i = 0; i < detailsTabs.length; i++) view = detailsReducer(view, {kind: 'tab', by: 1})!;
		assert.equal(view.tab, 'diff');
	});

	it('scrolls within what the tab reported, and pulls back when the content shrinks', () => {
		let view = detailsReducer(open, {kind: 'extent', maxOffset: 5})!;
		view = detailsReducer(view, {kind: 'scroll', by: 100})!;
		assert.equal(view.offset, 5);
		view = detailsReducer(view, {kind: 'scroll', by: -2})!;
		assert.equal(view.offset, 3);
		view = detailsReducer(view, {kind: 'extent', maxOffset: 1})!;
		assert.equal(view.offset, 1);
	});

	it('keeps the tab when the same container is opened again, and masks its secrets again', () => {
		const env = {...detailsReducer(open, {kind: 'tab', by: 1})!, revealed: true};
		const again = detailsReducer(env, {kind: 'open', id: 'a', name: 'web'})!;
		assert.equal(again.tab, 'env');
		assert.equal(again.revealed, false);
		// Another container keeps the tab too (issue 14, item 12), masked again.
		const other = detailsReducer(env, {kind: 'open', id: 'b', name: 'db'})!;
		assert.equal(other.tab, 'env');
		assert.equal(other.revealed, false);
	});
});

describe('routeKey: details panel', () => {
	it('i opens the panel for the selected container', () => {
		const {state} = type(only(), 'i');
		assert.equal(state.ui.panel, 'details');
		assert.equal(state.ui.details?.id, 'run-1');
	});

	it('Tab and the arrows switch tabs (not panes) while it is open; Esc closes it', () => {
		let {state} = type(only(), 'i', 'tab', 'right');
		assert.equal(state.ui.details?.tab, 'ports');
		assert.equal(state.ui.pane, 'containers');
		state = type(state, 'left').state;
		assert.equal(state.ui.details?.tab, 'env');
		state = type(state, 'escape').state;
		assert.equal(state.ui.panel, 'none');
		// Closed, Tab is the pane switch again.
		assert.equal(type(state, 'tab').state.ui.pane, 'images');
	});

	it('v reveals on Inspect (sections and raw JSON) and Env only, J shows raw JSON only on Inspect', () => {
		let {state} = type(only(), 'i', 'v', 'J');
		assert.equal(state.ui.details?.revealed, true);
		assert.equal(state.ui.details?.raw, true);
		state = type(state, 'tab', 'v', 'J').state;
		assert.equal(state.ui.details?.tab, 'env');
		assert.equal(state.ui.details?.revealed, false);
		assert.equal(state.ui.details?.raw, true);
		state = type(state, 'tab', 'v').state;
		assert.equal(state.ui.details?.tab, 'ports');
		assert.equal(state.ui.details?.revealed, false);
	});

	it('follows the selection when the filter hides its container, on the same tab (issue 14, item 12)', () => {
		let state = stateWith([running, makeContainer({id: 'run-2', name: 'zz', state: 'running'})]);
		// On Ports (a table, nothing to search) `/` filters the list; on the text tabs it searches the panel.
		state = type(state, 'i', 'tab', 'tab').state;
		assert.equal(state.ui.details?.id, 'run-1');
		assert.equal(state.ui.details?.tab, 'ports');
		state = type(state, '/', 'z', 'z', 'enter').state;
		assert.equal(state.ui.details?.id, 'run-2', 'the panel shows the container the list now selects');
		assert.equal(state.ui.details?.name, 'zz');
		assert.equal(state.ui.details?.tab, 'ports', 'on the tab it was on');
		assert.equal(state.ui.panel, 'details');
	});

	it('list movement scrolls the panel and leaves the selection alone', () => {
		let state = stateWith([running, makeContainer({id: 'run-2', name: 'zz', state: 'running'})]);
		state = type(state, 'i').state;
		state = appReducer(state, {type: 'ui/details', action: {kind: 'extent', maxOffset: 20}});
		state = type(state, 'j', 'j', 'pagedown').state;
		assert.equal(state.ui.details?.offset, 12);
		assert.equal(state.ui.selectedId, 'run-1');
	});

	it('z zooms the panel and back', () => {
		const {state} = type(only(), 'i', 'z');
		assert.equal(state.ui.zoomed, true);
		assert.equal(type(state, 'z').state.ui.zoomed, false);
	});
});

describe('routeKey: exec and attach', () => {
	it('x asks for a shell in the selected running container', () => {
		assert.deepEqual(execs(type(only(), 'x').effects), [{kind: 'shell', id: 'run-1', name: 'web'}]);
	});

	it('A attaches', () => {
		assert.deepEqual(execs(type(only(), 'A').effects), [{kind: 'attach', id: 'run-1', name: 'web'}]);
	});

	it('X prompts for a command and runs what was typed', () => {
		let {state} = type(only(), 'X');
		assert.equal(state.ui.dialog?.kind, 'exec');
		const typed = type(state, 'l', 's', 'enter');
		state = typed.state;
		assert.deepEqual(execs(typed.effects), [{kind: 'command', id: 'run-1', name: 'web', command: 'ls'}]);
		assert.equal(state.ui.dialog, undefined);
	});

	it('an empty command is not run; Esc cancels the prompt', () => {
		const {state, effects} = type(only(), 'X', 'enter');
		assert.deepEqual(execs(effects), []);
		assert.equal(state.ui.dialog?.kind, 'exec');
		assert.equal(type(state, 'escape').state.ui.dialog, undefined);
	});

	it('refuses a container that is not running, saying so', () => {
		const {state, effects} = type(only(stopped), 'x');
		assert.deepEqual(execs(effects), []);
		assert.equal(state.ui.status?.text, 'old is not running: exec needs a running container');
		assert.match(type(only(stopped), 'A').state.ui.status?.text ?? '', /attach needs a running container/);
	});
});

describe('exec messages', () => {
	const shell: ExecRequest = {kind: 'shell', id: 'x', name: 'web'};

	it('runs bash where there is one, else sh', () => {
		assert.deepEqual(execCommand(shell).slice(0, 2), ['/bin/sh', '-c']);
		assert.match(execCommand(shell)[2]!, /command -v bash.*exec bash.*exec sh/);
		assert.deepEqual(execCommand({kind: 'command', id: 'x', name: 'web', command: 'top -b'}), ['/bin/sh', '-c', 'top -b']);
	});

	it('says how the session ended', () => {
		assert.equal(execStatus(shell, {kind: 'exited', code: 0}).text, 'exec exited (code 0) · web');
		assert.equal(execStatus(shell, {kind: 'exited', code: 130}).text, 'exec exited (code 130) · web');
		assert.equal(execStatus(shell, {kind: 'container-stopped', code: 137}).text, 'exec ended: web stopped (code 137)');
		assert.equal(
			execStatus({kind: 'attach', id: 'x', name: 'web'}, {kind: 'detached'}).text,
			'Detached from web; it is still running',
		);
		assert.equal(execStatus(shell, {kind: 'failed', message: 'no such container'}).tone, 'error');
	});
});
