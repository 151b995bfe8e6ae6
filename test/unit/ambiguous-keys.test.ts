// Keys that mean one thing in the focused list and another in the logs pane beside it (issue 14, item 2):
// the first press asks in the status line, the same key again acts, and any other key goes on as usual.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {appReducer, selection, type AppState} from '../../source/state/core/app.js';
import {routeKey, type Effect} from '../../source/state/input/input.js';
import {createKeyMap, type KeyMap} from '../../source/state/input/keymap.js';
import {makeContainer, stateWith} from '../helpers/fixtures.js';

const keys = createKeyMap();
const press = (name: string) => ({name, text: name.length === 1 ? name : ''});

function type(state: AppState, names: readonly string[], keyMap: KeyMap = keys): {state: AppState; effects: Effect[]} {
	const effects: Effect[] = [];
	for (const name of names) {
		for (const effect of routeKey(state, press(name), keyMap)) {
			effects.push(effect);
			if (effect.type === 'dispatch') state = appReducer(state, effect.action);
		}
	}

	return {state, effects};
}

const engineWork = (effects: Effect[]) => effects.filter((effect) => effect.type !== 'dispatch').map((effect) => effect.type);
const web = makeContainer({id: 'web-1', name: 'web', state: 'running'});
const db = makeContainer({id: 'db-1', name: 'db', state: 'running'});
/** The logs pane open beside the list, with the focus back on the list (l, then Esc). */
const logsUnfocused = (keyMap: KeyMap = keys) => type(stateWith([web, db]), ['l', 'escape'], keyMap).state;

describe('keys that mean something else in the visible logs pane', () => {
	it('s with the logs on screen but unfocused does not stop: it asks, naming both meanings', () => {
		const state = logsUnfocused();
		assert.equal(state.ui.panel, 'logs');
		assert.equal(state.logs.focused, false);
		const {state: after, effects} = type(state, ['s']);
		assert.deepEqual(engineWork(effects), [], 'nothing reaches the engine');
		assert.match(after.ui.status?.text ?? '', /s is "stop" in the list.*in the logs pane it is "save".*press s again to stop/);
		assert.equal(after.logs.prompt, undefined, 'and the save prompt does not open either');
	});

	it('the same key again acts on the list', () => {
		const state = logsUnfocused();
		const {effects} = type(state, ['s', 's']);
		const runs = effects.flatMap((effect) => (effect.type === 'run' ? [effect.op] : []));
		assert.deepEqual(
			runs.map((op) => [op.kind, op.name]),
			[['stop', selection(state).container?.name]],
		);
	});

	it('another key in between disarms it: s j s asks again', () => {
		const {state, effects} = type(logsUnfocused(), ['s', 'j', 's']);
		assert.deepEqual(engineWork(effects), []);
		assert.equal(state.ui.armedKey, 's');
		assert.equal(selection(state).container?.name, 'web', 'j still moved the selection (db, then web)');
	});

	it('p (pause / project) and x (shell / regex) ask too; a key the pane does not bind acts at once', () => {
		for (const key of ['p', 'x']) {
			const {effects, state} = type(logsUnfocused(), [key]);
			assert.deepEqual(engineWork(effects), [], `${key} asks first`);
			assert.match(state.ui.status?.text ?? '', new RegExp(`press ${key} again`));
		}

		assert.deepEqual(engineWork(type(logsUnfocused(), ['r']).effects), ['run'], 'r (restart) means nothing in the logs pane');
	});

	it('with the logs focused, s is the save prompt at once; with no pane open, s stops at once', () => {
		const focused = type(stateWith([web, db]), ['l', 's']).state;
		assert.equal(focused.logs.prompt?.kind, 'save');
		assert.deepEqual(engineWork(type(stateWith([web, db]), ['s']).effects), ['run']);
	});

	it('in read-only mode s is refused as before, without a question', () => {
		const readOnly = createKeyMap(undefined, {readOnly: true});
		const {state, effects} = type(logsUnfocused(readOnly), ['s'], readOnly);
		assert.deepEqual(engineWork(effects), []);
		assert.match(state.ui.status?.text ?? '', /Read-only mode/);
	});
});
