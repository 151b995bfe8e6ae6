// ui.ts and app.ts together: the selection follows its container through re-sorts and new rows, stays
// at its place when the row goes, and the filter and sort edit as the keys say.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {appReducer, selection, visibleRows, type AppState} from '../../source/state/core/app.js';
import {initialUi, uiReducer} from '../../source/state/core/ui.js';
import {makeContainer, stateWith} from '../helpers/fixtures.js';

const names = (state: AppState) => visibleRows(state).map((row) => row.name);
const selectedName = (state: AppState) => selection(state).container?.name;

describe('selection', () => {
	const abc = () => [
		makeContainer({id: 'id-a', name: 'alpha', image: 'zeta:1'}),
		makeContainer({id: 'id-b', name: 'bravo', image: 'yankee:1'}),
		makeContainer({id: 'id-c', name: 'charlie', image: 'xray:1'}),
	];

	it('starts on the first row, and an empty list selects nothing', () => {
		assert.equal(selectedName(stateWith(abc())), 'alpha');
		assert.deepEqual(selection(stateWith([])), {index: 0});
	});

	it('follows the selected container when the sort order changes', () => {
		let state = stateWith(abc(), {type: 'ui/select', id: 'id-b', index: 1}, {type: 'ui/sortNext'}); // name
		assert.equal(state.ui.sort.key, 'name');
		state = appReducer(state, {type: 'ui/sortNext'}); // image: charlie (xray), bravo (yankee), alpha (zeta)
		assert.deepEqual(names(state), ['charlie', 'bravo', 'alpha']);
		state = appReducer(state, {type: 'ui/select', id: 'id-a', index: 2});
		state = appReducer(state, {type: 'ui/sortReverse'});
		assert.deepEqual(names(state), ['alpha', 'bravo', 'charlie']);
		assert.equal(selectedName(state), 'alpha');
		assert.equal(state.ui.selectedIndex, 0, 'the remembered index moved with it');
	});

	it('follows the selected container when rows are added above it', () => {
		let state = stateWith(abc(), {type: 'ui/sortNext'}, {type: 'ui/select', id: 'id-b', index: 1});
		state = appReducer(state, {type: 'containers/upsert', container: makeContainer({id: 'id-0', name: 'aardvark'})});
		assert.deepEqual(names(state), ['aardvark', 'alpha', 'bravo', 'charlie']);
		assert.equal(selectedName(state), 'bravo');
		assert.equal(state.ui.selectedIndex, 2);
	});

	it('follows a container whose rename moves it in a name sort', () => {
		let state = stateWith(abc(), {type: 'ui/sortNext'}, {type: 'ui/select', id: 'id-a', index: 0});
		state = appReducer(state, {type: 'containers/event', event: {action: 'rename', id: 'id-a', name: 'zulu', time: 0}});
		assert.deepEqual(names(state), ['bravo', 'charlie', 'zulu']);
		assert.equal(selectedName(state), 'zulu');
	});

	it('falls back to the same index when the selected row disappears', () => {
		let state = stateWith(abc(), {type: 'ui/sortNext'}, {type: 'ui/select', id: 'id-b', index: 1});
		state = appReducer(state, {type: 'containers/remove', id: 'id-b'});
		assert.equal(selectedName(state), 'charlie');
		assert.equal(state.ui.selectedId, 'id-c', 'the new row is now the one followed');
	});

	it('falls back to the last row when the removed row was the last', () => {
		let state = stateWith(abc(), {type: 'ui/sortNext'}, {type: 'ui/select', id: 'id-c', index: 2});
		state = appReducer(state, {type: 'containers/event', event: {action: 'destroy', id: 'id-c', time: 0}});
		assert.equal(selectedName(state), 'bravo');
	});

	it('keeps to the same index when a filter hides the selected row', () => {
		let state = stateWith(abc(), {type: 'ui/sortNext'}, {type: 'ui/select', id: 'id-a', index: 0});
		state = appReducer(state, {type: 'ui/filterStart'});
		for (const text of 'ar') state = appReducer(state, {type: 'ui/filterEdit', key: {name: text, text}});
		assert.deepEqual(names(state), ['charlie']);
		assert.equal(selectedName(state), 'charlie');
	});
});

describe('filter', () => {
	it('start, edit, done and clear', () => {
		let ui = uiReducer(initialUi, {type: 'ui/filterStart'});
		assert.equal(ui.filtering, true);
		for (const text of 'web') ui = uiReducer(ui, {type: 'ui/filterEdit', key: {name: text, text}});
		ui = uiReducer(ui, {type: 'ui/filterEdit', key: {name: 'backspace', text: ''}});
		assert.deepEqual(ui.filter, {value: 'we', cursor: 2});
		ui = uiReducer(ui, {type: 'ui/filterDone'});
		assert.equal(ui.filtering, false);
		assert.equal(ui.filter.value, 'we', 'done keeps the filter');
		ui = uiReducer(ui, {type: 'ui/filterStart'});
		assert.deepEqual(ui.filter, {value: 'we', cursor: 2}, 'starting again edits the filter kept, cursor at its end');
		ui = uiReducer(ui, {type: 'ui/filterClear'});
		assert.deepEqual([ui.filtering, ui.filter.value], [false, '']);
	});

	it('a key that is not an edit changes nothing', () => {
		const ui = uiReducer(initialUi, {type: 'ui/filterStart'});
		assert.equal(uiReducer(ui, {type: 'ui/filterEdit', key: {name: 'enter', text: ''}}), ui);
	});
});

describe('sort', () => {
	it('cycles state → name → image → created → cpu → memory → state, ascending each time', () => {
		let ui = initialUi;
		assert.deepEqual(ui.sort, {key: 'state', descending: false});
		const seen: string[] = [];
		for (let i = 0; i < 6; i++) {
			ui = uiReducer(uiReducer(ui, {type: 'ui/sortReverse'}), {type: 'ui/sortNext'});
			seen.push(`${ui.sort.key}:${ui.sort.descending}`);
		}

		assert.deepEqual(seen, ['name:false', 'image:false', 'created:false', 'cpu:false', 'memory:false', 'state:false']);
	});

	it('reverse flips the order and back', () => {
		const once = uiReducer(initialUi, {type: 'ui/sortReverse'});
		assert.equal(once.sort.descending, true);
		assert.equal(uiReducer(once, {type: 'ui/sortReverse'}).sort.descending, false);
	});
});

describe('engine connection', () => {
	it('disconnected keeps the error; connected clears it and keeps the version', () => {
		let state = stateWith([], {type: 'engine/connected', version: '27.1.0', apiVersion: '1.46'});
		state = appReducer(state, {type: 'engine/disconnected', error: 'ECONNREFUSED: nothing is listening there'});
		assert.deepEqual([state.engine.connection, state.engine.error], ['disconnected', 'ECONNREFUSED: nothing is listening there']);
		state = appReducer(state, {type: 'engine/connected'});
		assert.deepEqual([state.engine.connection, state.engine.error, state.engine.version], ['connected', undefined, '27.1.0']);
	});
});

describe('dialogs and viewport', () => {
	it('help scroll stays within 0..max', () => {
		let ui = uiReducer(initialUi, {type: 'ui/openDialog', dialog: {kind: 'help', offset: 0}});
		ui = uiReducer(ui, {type: 'ui/helpScroll', by: -5, max: 20});
		assert.deepEqual(ui.dialog, {kind: 'help', offset: 0});
		ui = uiReducer(ui, {type: 'ui/helpScroll', by: 15, max: 20});
		ui = uiReducer(ui, {type: 'ui/helpScroll', by: 15, max: 20});
		assert.deepEqual(ui.dialog, {kind: 'help', offset: 20});
	});

	it('the page size is at least one row', () => {
		assert.equal(uiReducer(initialUi, {type: 'ui/viewport', pageSize: 0}).pageSize, 1);
		assert.equal(uiReducer(initialUi, {type: 'ui/viewport', pageSize: 33}).pageSize, 33);
	});
});

describe('marks of containers that go away (issue 12)', () => {
	const [a, b, c] = ['a', 'b', 'c'].map((id) => makeContainer({id: id.repeat(64), name: id, state: 'running'}));

	it('a destroyed, removed or vanished container leaves the marks; the others stay in order', () => {
		let state = stateWith([a!, b!, c!], {type: 'ui/markAll', ids: [a!.id, b!.id, c!.id]});
		state = appReducer(state, {type: 'containers/event', event: {action: 'destroy', id: b!.id, time: 1}});
		assert.deepEqual(state.ui.marked, [a!.id, c!.id]);
		state = appReducer(state, {type: 'containers/remove', id: a!.id});
		assert.deepEqual(state.ui.marked, [c!.id]);
		state = appReducer(state, {type: 'containers/snapshot', containers: [a!]});
		assert.deepEqual(state.ui.marked, []);
	});

	it('an event for a marked container that stays keeps the marks as they were', () => {
		const before = stateWith([a!, b!], {type: 'ui/markToggle', id: a!.id});
		const after = appReducer(before, {type: 'containers/event', event: {action: 'die', id: a!.id, time: 2, exitCode: 0}});
		assert.equal(after.ui.marked, before.ui.marked);
	});
});
