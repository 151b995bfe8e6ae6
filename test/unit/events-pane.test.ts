// The events pane (issue 16): engine events mapped to rows, the bounded newest-first buffer, its filter,
// and the keys (5 opens it, / filters, Enter shows the object in its pane).
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {appReducer, selection, type AppState} from '../../source/state/core/app.js';
import {routeKey, type Effect} from '../../source/state/input/input.js';
import {createKeyMap} from '../../source/state/input/keymap.js';
import {eventSelection, eventsReducer, initialEvents, visibleEvents, type EngineEvent} from '../../source/state/events/events.js';
import {eventCells} from '../../source/state/events/event-columns.js';
import {eventInScope, toEngineEvent} from '../../source/docker/engine-events.js';
import {containerFeedActions} from '../../source/session/feed-actions.js';
import {footerBindings} from '../../source/state/input/focus.js';
import {makeContainer, stateWith} from '../helpers/fixtures.js';

const keys = createKeyMap();
const press = (name: string, text = name.length === 1 ? name : '') => ({name, text});

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

let clock = 1_700_000_000_000;
function event(type: string, action: string, id: string, attributes: Record<string, string> = {}): EngineEvent {
	clock += 1000;
	return toEngineEvent({
		Type: type,
		Action: action,
		Actor: {ID: id, Attributes: attributes},
		time: clock / 1000,
		timeNano: clock * 1e6,
	})!;
}

describe('toEngineEvent', () => {
	it('names the object and keeps the attributes that matter: exit code of die, signal of kill', () => {
		const die = event('container', 'die', 'c1', {name: 'job', exitCode: '3', image: 'busybox'});
		assert.equal(die.name, 'job');
		assert.deepEqual(die.details, ['exit code 3']);
		assert.deepEqual(event('container', 'kill', 'c1', {name: 'job', signal: '15'}).details, ['signal 15']);
		assert.deepEqual(event('network', 'connect', 'n1', {name: 'bridge', container: 'a'.repeat(64)}).details, [
			`container ${'a'.repeat(12)}`,
		]);
		assert.equal(event('volume', 'create', 'data', {driver: 'local'}).name, 'data');
		assert.equal(event('image', 'delete', 'sha256:' + 'b'.repeat(64)).name, 'b'.repeat(12));
	});

	it('leaves out kinds the pane does not list, and makes engine text inert', () => {
		assert.equal(toEngineEvent({Type: 'daemon', Action: 'reload', Actor: {ID: 'x'}}), undefined);
		const hostile = event('container', 'create', 'c2', {name: 'evil\u001b[2Jname'});
		assert.ok(!hostile.name.includes('\u001b'));
	});

	it('a name scope keeps only the containers it names; other kinds are kept', () => {
		const scope = {name: ['^/web']};
		assert.equal(eventInScope({Type: 'container', Actor: {Attributes: {name: 'web-1'}}}, scope), true);
		assert.equal(eventInScope({Type: 'container', Actor: {Attributes: {name: 'db'}}}, scope), false);
		assert.equal(eventInScope({Type: 'image', Actor: {Attributes: {name: 'db'}}}, scope), true);
	});

	it('the containers feed turns it into events/add', () => {
		const row = event('container', 'start', 'c1', {name: 'job'});
		assert.deepEqual(containerFeedActions({type: 'activity', event: row}), [{type: 'events/add', events: [row]}]);
	});
});

describe('events buffer', () => {
	it('keeps the newest first, drops a replayed event, and holds at most its cap', () => {
		const a = event('container', 'create', 'c1');
		const b = event('container', 'start', 'c1');
		let state = eventsReducer({...initialEvents, cap: 3}, {type: 'events/add', events: [a, b]});
		assert.deepEqual(
			state.rows.map((row) => row.action),
			['start', 'create'],
		);
		state = eventsReducer(state, {type: 'events/add', events: [b]});
		assert.equal(state.rows.length, 2);
		for (let i = 0; i < 5; i++) state = eventsReducer(state, {type: 'events/add', events: [event('image', `tag${i}`, 'i')]});
		assert.deepEqual(
			state.rows.map((row) => row.action),
			['tag4', 'tag3', 'tag2'],
		);
	});

	it('filters by every word typed, over type, action, name and details', () => {
		const rows = [event('container', 'die', 'c1', {name: 'job', exitCode: '3'}), event('volume', 'create', 'data')];
		const state = {...eventsReducer(initialEvents, {type: 'events/add', events: rows}), filter: {value: 'job 3', cursor: 5}};
		assert.deepEqual(
			visibleEvents(state).map((row) => row.action),
			['die'],
		);
	});

	it('the selection stays on its event as newer ones arrive, and follows the newest when at the top', () => {
		let state = eventsReducer(initialEvents, {
			type: 'events/add',
			events: [event('image', 'pull', 'x'), event('image', 'tag', 'x')],
		});
		assert.equal(eventSelection(state).event?.action, 'tag');
		state = eventsReducer(state, {type: 'events/add', events: [event('image', 'untag', 'x')]});
		assert.equal(eventSelection(state).event?.action, 'untag');
		state = eventsReducer(state, {type: 'events/select', key: state.rows[1]!.key, index: 1});
		state = eventsReducer(state, {type: 'events/add', events: [event('image', 'delete', 'x')]});
		assert.equal(eventSelection(state).event?.action, 'tag');
	});

	it('cells: time of day, type, action, name, details', () => {
		const row = event('container', 'die', 'c1', {name: 'job', exitCode: '3'});
		const cells = eventCells(row, row.time);
		assert.match(cells[0]!, /^\d\d:\d\d:\d\d$/);
		assert.deepEqual(cells.slice(1), ['container', 'die', 'job', 'exit code 3']);
	});
});

describe('events pane keys', () => {
	const job = makeContainer({id: 'c-job', name: 'job'});
	const other = makeContainer({id: 'c-other', name: 'other'});
	const base = () =>
		appReducer(stateWith([job, other]), {
			type: 'events/add',
			events: [
				event('container', 'create', 'c-job', {name: 'job'}),
				event('container', 'die', 'c-job', {name: 'job', exitCode: '3'}),
			],
		});

	it('5 opens the pane; its footer offers Enter; container keys do nothing there', () => {
		const {state, effects} = type(base(), '5', 's', 'd');
		assert.equal(state.ui.pane, 'events');
		assert.equal(
			effects.some((effect) => effect.type === 'run' || (effect.type === 'dispatch' && effect.action.type === 'ui/openDialog')),
			false,
		);
		assert.ok(footerBindings(state, keys).some((binding) => binding.command === 'jump'));
		assert.ok(!footerBindings(state, keys).some((binding) => binding.command === 'sort'));
		assert.equal(type(state, '1').state.ui.pane, 'containers');
	});

	it('/ filters the events as you type; Esc clears it', () => {
		let {state} = type(base(), '5', '/', 'd', 'i', 'e', 'enter');
		assert.equal(state.events.filter.value, 'die');
		assert.deepEqual(
			visibleEvents(state.events).map((row) => row.action),
			['die'],
		);
		assert.equal(state.ui.filter.value, '', 'the containers filter is untouched');
		state = type(state, 'escape').state;
		assert.equal(visibleEvents(state.events).length, 2);
	});

	it('Enter shows the container in the containers pane, selected, its filter cleared', () => {
		const filtered = appReducer(appReducer(base(), {type: 'ui/filterStart'}), {type: 'ui/filterEdit', key: press('o')});
		const done = appReducer(filtered, {type: 'ui/filterDone'});
		const {state} = type(done, '5', 'enter');
		assert.equal(state.ui.pane, 'containers');
		assert.equal(state.ui.filter.value, '');
		assert.equal(selection(state).container?.name, 'job');
	});

	it('Enter on a container that is gone says so', () => {
		const state = appReducer(base(), {type: 'events/add', events: [event('container', 'destroy', 'c-gone', {name: 'gone'})]});
		const after = type(state, '5', 'enter').state;
		assert.equal(after.ui.pane, 'events');
		assert.match(after.ui.status?.text ?? '', /gone no longer exists/);
	});

	it('Enter on a volume event opens the volumes pane with it selected', () => {
		const state = appReducer(base(), {type: 'events/add', events: [event('volume', 'create', 'data')]});
		const {state: after, effects} = type(state, '5', 'enter');
		assert.equal(after.ui.pane, 'volumes');
		assert.equal(after.resources.views.volumes.selectedKey, 'data');
		assert.ok(effects.some((effect) => effect.type === 'resource'));
	});
});
