// routeKey: what each key press means in each situation, as the effects App.tsx will carry out.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {appReducer, selection, type AppState} from '../../source/state/core/app.js';
import {routeKey, type Effect} from '../../source/state/input/input.js';
import {createKeyMap} from '../../source/state/input/keymap.js';
import {helpLines} from '../../source/state/input/key-text.js';
import type {Container} from '../../source/state/core/model.js';
import {makeContainer, stateWith} from '../helpers/fixtures.js';

const keys = createKeyMap();
/** A key press as keyName makes it: printable keys carry their text, Space is named but types a space. */
const press = (name: string, text = name === 'space' ? ' ' : name.length === 1 ? name : '') => ({name, text});

/** Routes the keys in turn, applying the dispatches; returns the final state and every effect. */
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

const runs = (effects: Effect[]) => effects.flatMap((effect) => (effect.type === 'run' ? [effect.op] : []));
const statusOf = (state: AppState) => state.ui.status?.text ?? '';

/** Twenty containers named row-00 … row-19, sorted by name, with a page of 5 rows. */
function twenty(): AppState {
	const rows = Array.from({length: 20}, (_, i) => makeContainer({id: `id-${i}`, name: `row-${String(i).padStart(2, '0')}`}));
	return stateWith(rows, {type: 'ui/sortNext'}, {type: 'ui/viewport', pageSize: 5});
}

const at = (state: AppState) => selection(state).index;

describe('routeKey: movement', () => {
	it('j/k and the arrows move one row', () => {
		assert.equal(at(type(twenty(), 'j', 'j', 'down').state), 3);
		assert.equal(at(type(twenty(), 'j', 'j', 'down', 'k', 'up').state), 1);
	});

	it('stops at the top and the bottom', () => {
		assert.equal(at(type(twenty(), 'k', 'up').state), 0);
		assert.equal(at(type(twenty(), 'G', 'j', 'down').state), 19);
	});

	it('g/G and Home/End jump to the ends', () => {
		const bottom = type(twenty(), 'G').state;
		assert.equal(selection(bottom).container?.name, 'row-19');
		assert.equal(at(type(bottom, 'g').state), 0);
		assert.equal(at(type(twenty(), 'end').state), 19);
		assert.equal(at(type(twenty(), 'end', 'home').state), 0);
	});

	it('page moves go a page less one row, within bounds', () => {
		assert.equal(at(type(twenty(), 'pagedown').state), 4);
		assert.equal(at(type(twenty(), 'pagedown', 'ctrl+f').state), 8);
		assert.equal(at(type(twenty(), 'pagedown', 'pagedown', 'pagedown', 'pagedown', 'pagedown', 'pagedown').state), 19);
		assert.equal(at(type(twenty(), 'G', 'pageup').state), 15);
		assert.equal(at(type(twenty(), 'pagedown', 'ctrl+b', 'pageup').state), 0);
	});

	it('moves select by id, so the selection then follows its container', () => {
		const {state} = type(twenty(), 'j', 'j');
		assert.equal(state.ui.selectedId, 'id-2');
	});

	it('does nothing in an empty list', () => {
		assert.deepEqual(routeKey(stateWith([]), press('j'), keys), []);
	});
});

describe('routeKey: kill and remove ask first', () => {
	const web = (overrides: Partial<Container> = {}) =>
		stateWith([makeContainer({id: 'c0ffee'.padEnd(64, '0'), name: 'web', image: 'nginx:1.27', state: 'running', ...overrides})]);

	it('K opens a kill dialog naming the container, and runs nothing yet', () => {
		const {state, effects} = type(web(), 'K');
		assert.deepEqual(runs(effects), []);
		assert.equal(state.ui.dialog?.kind, 'confirm');
		if (state.ui.dialog?.kind !== 'confirm') return;
		assert.deepEqual(state.ui.dialog.op, {kind: 'kill', id: 'c0ffee'.padEnd(64, '0'), name: 'web'});
		assert.equal(state.ui.dialog.image, 'nginx:1.27');
		assert.equal(state.ui.dialog.running, true);
	});

	it('y on the kill dialog kills it', () => {
		const {state, effects} = type(web(), 'K', 'y');
		assert.deepEqual(runs(effects), [{kind: 'kill', id: 'c0ffee'.padEnd(64, '0'), name: 'web'}]);
		assert.equal(state.ui.dialog, undefined);
	});

	it('n and Esc close the dialog with nothing run', () => {
		for (const no of ['n', 'escape']) {
			const {state, effects} = type(web(), 'd', no);
			assert.deepEqual(runs(effects), [], no);
			assert.equal(state.ui.dialog, undefined, no);
			assert.match(statusOf(state), /Cancelled: web was left as it was/);
		}
	});

	it('keys that mean nothing in the dialog leave it open and run nothing', () => {
		const {state, effects} = type(web(), 'K', 'j', 'q', 'd', 'f');
		assert.deepEqual(runs(effects), []);
		assert.equal(state.ui.dialog?.kind, 'confirm');
		assert.equal(effects.filter((e) => e.type === 'quit').length, 0, 'q does not quit from under a dialog');
	});

	it('y on removing a running container does not run, and asks for force', () => {
		const {state, effects} = type(web(), 'd', 'y');
		assert.deepEqual(runs(effects), []);
		assert.equal(state.ui.dialog?.kind, 'confirm', 'the dialog stays open');
		assert.match(statusOf(state), /web is running: press f to force removal/);
		assert.equal(state.ui.status?.tone, 'error');
	});

	it('f removes a running container with force', () => {
		const {state, effects} = type(web(), 'd', 'y', 'f');
		assert.deepEqual(runs(effects), [{kind: 'remove', id: 'c0ffee'.padEnd(64, '0'), name: 'web', force: true}]);
		assert.equal(state.ui.dialog, undefined);
	});

	it('y removes a stopped container, without force', () => {
		const {effects} = type(web({state: 'exited', exitCode: 0}), 'd', 'y');
		assert.deepEqual(runs(effects), [{kind: 'remove', id: 'c0ffee'.padEnd(64, '0'), name: 'web'}]);
	});

	it('a paused container counts as running for removal', () => {
		const {effects} = type(web({state: 'paused'}), 'd', 'y');
		assert.deepEqual(runs(effects), []);
	});

	it('with no container selected, says so', () => {
		const {state, effects} = type(stateWith([]), 'K');
		assert.deepEqual(runs(effects), []);
		assert.equal(state.ui.dialog, undefined);
		assert.equal(statusOf(state), 'No container selected');
	});
});

describe('routeKey: direct operations', () => {
	const one = (state: Container['state']) => stateWith([makeContainer({id: 'x1', name: 'api', state})]);

	it('u, s and r run start, stop and restart on the selected container', () => {
		assert.deepEqual(runs(type(one('exited'), 'u').effects), [{kind: 'start', id: 'x1', name: 'api'}]);
		assert.deepEqual(runs(type(one('running'), 's').effects), [{kind: 'stop', id: 'x1', name: 'api'}]);
		assert.deepEqual(runs(type(one('running'), 'r').effects), [{kind: 'restart', id: 'x1', name: 'api'}]);
	});

	it('p pauses a running container and unpauses a paused one', () => {
		assert.deepEqual(runs(type(one('running'), 'p').effects), [{kind: 'pause', id: 'x1', name: 'api'}]);
		assert.deepEqual(runs(type(one('paused'), 'p').effects), [{kind: 'unpause', id: 'x1', name: 'api'}]);
	});
});

describe('routeKey: rename', () => {
	const one = () => stateWith([makeContainer({id: 'x1', name: 'api'})]);

	it('R opens the prompt prefilled with the name, cursor at its end', () => {
		const {state, effects} = type(one(), 'R');
		assert.deepEqual(runs(effects), []);
		assert.deepEqual(state.ui.dialog, {kind: 'rename', id: 'x1', name: 'api', editor: {value: 'api', cursor: 3}});
	});

	it('typing edits the name, and Enter emits a rename to the new name', () => {
		const {state, effects} = type(one(), 'R', 'backspace', 'backspace', 'backspace', 'w', 'e', 'b', '-', '2', 'enter');
		assert.deepEqual(runs(effects), [{kind: 'rename', id: 'x1', name: 'api', newName: 'web-2'}]);
		assert.equal(state.ui.dialog, undefined);
	});

	it('letters that are commands elsewhere are typed into the prompt', () => {
		const {state, effects} = type(one(), 'R', 'q', 'K', 'd', 'j');
		assert.equal(effects.filter((e) => e.type === 'quit' || e.type === 'run').length, 0);
		assert.equal(state.ui.dialog?.kind === 'rename' ? state.ui.dialog.editor.value : '', 'apiqKdj');
	});

	it('digits, space and pane keys are typed into the prompt, not obeyed', () => {
		const {state, effects} = type(one(), 'R', '2', 'space', 'P', '?', 'a');
		assert.equal(state.ui.pane, 'containers');
		assert.deepEqual(
			effects.filter((e) => e.type !== 'dispatch'),
			[],
		);
		assert.equal(state.ui.dialog?.kind === 'rename' ? state.ui.dialog.editor.value : '', 'api2 P?a');
	});

	it('Ctrl-U clears the prompt; Esc cancels with nothing run', () => {
		const cleared = type(one(), 'R', 'ctrl+u').state;
		assert.equal(cleared.ui.dialog?.kind === 'rename' ? cleared.ui.dialog.editor.value : 'closed', '');
		const {state, effects} = type(one(), 'R', 'x', 'escape');
		assert.deepEqual(runs(effects), []);
		assert.equal(state.ui.dialog, undefined);
		assert.equal(statusOf(state), 'Rename cancelled');
	});
});

describe('routeKey: filter', () => {
	const three = () =>
		stateWith([makeContainer({name: 'web'}), makeContainer({name: 'db'}), makeContainer({name: 'cache', image: 'redis'})], {
			type: 'ui/sortNext',
		});

	it('/ starts the prompt; letters filter instead of acting', () => {
		const {state, effects} = type(three(), '/', 'd', 'b');
		assert.equal(state.ui.filtering, true);
		assert.equal(state.ui.filter.value, 'db');
		assert.deepEqual(runs(effects), []);
		assert.equal(state.ui.dialog, undefined, 'd did not open a remove dialog');
	});

	it('Enter keeps the filter; Esc then clears it', () => {
		const kept = type(three(), '/', 'r', 'e', 'd', 'enter').state;
		assert.deepEqual([kept.ui.filtering, kept.ui.filter.value], [false, 'red']);
		const cleared = type(kept, 'escape').state;
		assert.equal(cleared.ui.filter.value, '');
	});

	it('Esc while typing clears the filter', () => {
		const {state} = type(three(), '/', 'w', 'escape');
		assert.deepEqual([state.ui.filtering, state.ui.filter.value], [false, '']);
	});

	it('digits, space and ? are typed into the filter, not obeyed', () => {
		const {state} = type(three(), '/', '2', 'space', '?', 'P');
		assert.deepEqual([state.ui.filter.value, state.ui.pane, state.ui.dialog], ['2 ?P', 'containers', undefined]);
	});

	it('arrows still move while typing', () => {
		const {state} = type(three(), '/', 'down');
		assert.equal(state.ui.filtering, true);
		assert.equal(selection(state).index, 1);
	});

	it('Esc with no filter does nothing', () => {
		assert.deepEqual(routeKey(three(), press('escape'), keys), []);
	});
});

describe('routeKey: help, sort, quit', () => {
	it('? opens help, arrows scroll it, ? and Esc close it', () => {
		let {state} = type(stateWith([]), '?');
		assert.deepEqual(state.ui.dialog, {kind: 'help', offset: 0});
		state = type(state, 'j', 'j', 'down').state;
		assert.deepEqual(state.ui.dialog, {kind: 'help', offset: 3});
		state = type(state, 'k').state;
		assert.deepEqual(state.ui.dialog, {kind: 'help', offset: 2});
		assert.equal(type(state, '?').state.ui.dialog, undefined);
		assert.equal(type(state, 'escape').state.ui.dialog, undefined);
	});

	it('help scrolling stops at the end', () => {
		const {state} = type(stateWith([]), '?', 'G', 'j');
		// The last page shows the last lines: the help's length less the lines the overlay's frame takes.
		const last = helpLines(keys.bindings).length - (state.ui.pageSize - 2);
		assert.deepEqual(state.ui.dialog, {kind: 'help', offset: last});
		assert.deepEqual(type(state, 'g').state.ui.dialog, {kind: 'help', offset: 0});
	});

	it('keys of the pane do nothing under help', () => {
		const {effects} = type(stateWith([makeContainer()]), '?', 'K', 's');
		assert.deepEqual(runs(effects), []);
	});

	it('q and Ctrl-C quit, also from help', () => {
		assert.deepEqual(routeKey(stateWith([]), press('q'), keys), [{type: 'quit'}]);
		assert.deepEqual(routeKey(stateWith([]), press('ctrl+c'), keys), [{type: 'quit'}]);
		assert.deepEqual(type(stateWith([]), '?', 'q').effects.at(-1), {type: 'quit'});
	});

	it('o cycles the sort and O reverses it', () => {
		const {state} = type(stateWith([]), 'o', 'o', 'O');
		assert.deepEqual(state.ui.sort, {key: 'image', descending: true});
	});

	it('unbound keys do nothing', () => {
		assert.deepEqual(routeKey(stateWith([makeContainer()]), press('ctrl+y'), keys), []);
		assert.deepEqual(routeKey(stateWith([makeContainer()]), press('~'), keys), []);
	});
});
