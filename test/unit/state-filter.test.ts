// Filter by state (issue 16): S steps through the states, combined with the text filter; Esc clears the
// text filter first, then the state filter.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {appReducer, visibleRows, type AppState} from '../../source/state/core/app.js';
import {routeKey} from '../../source/state/input/input.js';
import {createKeyMap} from '../../source/state/input/keymap.js';
import {makeContainer, stateWith} from '../helpers/fixtures.js';

const keys = createKeyMap();
const press = (name: string) => ({name, text: name.length === 1 ? name : ''});

function type(state: AppState, ...names: string[]): AppState {
	for (const name of names) {
		for (const effect of routeKey(state, press(name), keys)) {
			if (effect.type === 'dispatch') state = appReducer(state, effect.action);
		}
	}

	return state;
}

const fleet = () =>
	stateWith([
		makeContainer({id: 'a', name: 'web-1', state: 'running'}),
		makeContainer({id: 'b', name: 'web-2', state: 'exited', exitCode: 0}),
		makeContainer({id: 'c', name: 'db', state: 'running'}),
		makeContainer({id: 'd', name: 'job', state: 'paused'}),
	]);
const names = (state: AppState) =>
	visibleRows(state)
		.map((row) => row.name)
		.sort();

describe('filter by state', () => {
	it('S steps through running, exited, paused… and back to every state', () => {
		let state = type(fleet(), 'S');
		assert.equal(state.ui.stateFilter, 'running');
		assert.deepEqual(names(state), ['db', 'web-1']);
		state = type(state, 'S');
		assert.deepEqual(names(state), ['web-2']);
		state = type(state, 'S');
		assert.deepEqual(names(state), ['job']);
		state = type(state, 'S', 'S', 'S', 'S');
		assert.equal(state.ui.stateFilter, undefined);
		assert.equal(names(state).length, 4);
	});

	it('combines with the text filter', () => {
		const state = type(fleet(), 'S', '/', 'w', 'e', 'b', 'enter');
		assert.deepEqual(names(state), ['web-1']);
	});

	it('Esc clears the text filter first, then the state filter', () => {
		let state = type(fleet(), 'S', '/', 'w', 'e', 'b', 'enter', 'escape');
		assert.equal(state.ui.filter.value, '');
		assert.deepEqual(names(state), ['db', 'web-1']);
		state = type(state, 'escape');
		assert.equal(names(state).length, 4);
	});

	it('is not a change to the engine: read-only mode keeps it', () => {
		const readOnly = createKeyMap(undefined, {readOnly: true});
		const effects = routeKey(fleet(), press('S'), readOnly);
		assert.deepEqual(effects, [{type: 'dispatch', action: {type: 'ui/stateFilterNext'}}]);
	});
});
