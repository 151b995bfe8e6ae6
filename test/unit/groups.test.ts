// Compose projects and stacks as groups in the containers list (issue 16): grouping, sort, folding, the
// filters, the selection across group changes, and the keys on a project's row.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {appReducer, listRows, selection, type AppState} from '../../source/state/core/app.js';
import {groupRows, groupSummary, isGroupRow, type ListRow} from '../../source/state/containers/groups.js';
import type {Container} from '../../source/state/core/model.js';
import {routeKey, type Effect} from '../../source/state/input/input.js';
import {createKeyMap} from '../../source/state/input/keymap.js';
import {logTargets} from '../../source/state/logs/log-targets.js';
import {makeContainer, NOW, stateWith} from '../helpers/fixtures.js';

const compose = (project: string) => ({'com.docker.compose.project': project});
const stack = (namespace: string) => ({'com.docker.stack.namespace': namespace});

/** shop (web running, db exited), blog (app exited), loose alpha (running) and zulu (exited), a stack "edge". */
function fleet(): Container[] {
	return [
		makeContainer({id: 'id-web', name: 'shop-web-1', labels: compose('shop'), createdAt: NOW - 3000}),
		makeContainer({id: 'id-db', name: 'shop-db-1', labels: compose('shop'), state: 'exited', exitCode: 0}),
		makeContainer({id: 'id-app', name: 'blog-app-1', labels: compose('blog'), state: 'exited', exitCode: 1}),
		makeContainer({id: 'id-alpha', name: 'alpha', createdAt: NOW - 1000}),
		makeContainer({id: 'id-zulu', name: 'zulu', state: 'exited', createdAt: NOW - 9000}),
		makeContainer({id: 'id-proxy', name: 'edge_proxy.1.x', labels: stack('edge'), state: 'paused', createdAt: NOW - 2000}),
	];
}

/** The rows as text: "[shop]" for a group row, "  name" for a member, "name" for a loose container. */
function shape(rows: readonly ListRow[]): string[] {
	let inGroup = false;
	return rows.map((row) => {
		if (isGroupRow(row)) {
			inGroup = true;
			return `[${row.group.label}${row.group.collapsed ? ' folded' : ''}]`;
		}

		if (inGroup && !row.labels['com.docker.compose.project'] && !row.labels['com.docker.stack.namespace']) inGroup = false;
		return inGroup ? `  ${row.name}` : row.name;
	});
}

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

const selectRow = (state: AppState, id: string) => {
	const index = listRows(state).findIndex((row) => row.id === id);
	assert.ok(index >= 0, `${id} is listed`);
	return appReducer(state, {type: 'ui/select', id, index});
};

describe('groups: the rows', () => {
	it('lists each project and stack under a row of its own, loose containers as before (state sort)', () => {
		assert.deepEqual(shape(listRows(stateWith(fleet()))), [
			'alpha',
			'[shop]',
			'  shop-web-1',
			'  shop-db-1',
			'[edge]',
			'  edge_proxy.1.x',
			'[blog]',
			'  blog-app-1',
			'zulu',
		]);
	});

	it('counts running of all members and sums up the other states', () => {
		const rows = listRows(stateWith(fleet()));
		const shop = rows.find((row) => row.id === 'compose:shop');
		assert.ok(isGroupRow(shop));
		assert.equal(shop.group.running, 1);
		assert.equal(shop.group.total, 2);
		assert.equal(groupSummary(shop.group), '1/2 running · 1 exited');
		const edge = rows.find((row) => row.id === 'stack:edge');
		assert.ok(isGroupRow(edge));
		assert.equal(edge.group.kind, 'stack');
		assert.equal(groupSummary(edge.group), '0/1 running · 1 paused');
	});

	it('sorts groups by their name in the name sort, and reverses with the order', () => {
		const state = stateWith(fleet(), {type: 'ui/sortNext'});
		assert.equal(state.ui.sort.key, 'name');
		assert.deepEqual(shape(listRows(state)), [
			'alpha',
			'[blog]',
			'  blog-app-1',
			'[edge]',
			'  edge_proxy.1.x',
			'[shop]',
			'  shop-db-1',
			'  shop-web-1',
			'zulu',
		]);
		const reversed = appReducer(state, {type: 'ui/sortReverse'});
		assert.deepEqual(shape(listRows(reversed)), [
			'zulu',
			'[shop]',
			'  shop-web-1',
			'  shop-db-1',
			'[edge]',
			'  edge_proxy.1.x',
			'[blog]',
			'  blog-app-1',
			'alpha',
		]);
	});

	it('places a group by its newest member in the created sort', () => {
		const state = stateWith(fleet(), {type: 'ui/sortNext'}, {type: 'ui/sortNext'}, {type: 'ui/sortNext'});
		assert.equal(state.ui.sort.key, 'created');
		// alpha (−1 s), edge (−2 s), shop by its web (−3 s), zulu (−9 s), then blog (an hour ago).
		assert.deepEqual(
			shape(listRows(state)).filter((line) => !line.startsWith('  ')),
			['alpha', '[edge]', '[shop]', 'zulu', '[blog]'],
		);
	});

	it('is the plain list with grouping off, and when no container has a project', () => {
		const off = stateWith(fleet(), {type: 'ui/groupedToggle'});
		assert.ok(listRows(off).every((row) => !isGroupRow(row)));
		assert.equal(listRows(off).length, 6);
		const plain = [makeContainer({name: 'a'}), makeContainer({name: 'b'})];
		const rows = groupRows(plain, {}, {key: 'name', descending: false}, {grouped: true, collapsed: []});
		assert.equal(rows, plain, 'the same array: nothing to group');
	});

	it('makes a hostile project name inert on screen but keeps the label value for matching', () => {
		const hostile = 'evil\u001B]0;pwned\u0007\u001B[2J';
		const state = stateWith([makeContainer({id: 'id-x', name: 'x', labels: compose(hostile)})]);
		const row = listRows(state)[0];
		assert.ok(isGroupRow(row));
		assert.equal(row.group.name, hostile);
		assert.doesNotMatch(row.group.label, /\u001B|\u0007/);
	});
});

describe('groups: folding', () => {
	it('folds a group under its row and unfolds it, with the key on its row or on a member', () => {
		let state = selectRow(stateWith(fleet()), 'compose:shop');
		state = type(state, 'e').state;
		assert.deepEqual(state.ui.collapsed, ['compose:shop']);
		assert.deepEqual(shape(listRows(state)).slice(0, 3), ['alpha', '[shop folded]', '[edge]']);
		state = type(state, 'e').state;
		assert.deepEqual(state.ui.collapsed, []);
		state = selectRow(state, 'id-db');
		state = type(state, 'e').state;
		assert.deepEqual(state.ui.collapsed, ['compose:shop']);
		assert.equal(selection(state).group?.key, 'compose:shop', 'the folded member hands the selection to its row');
	});

	it('says so on a loose container', () => {
		const {state} = type(selectRow(stateWith(fleet()), 'id-alpha'), 'e');
		assert.deepEqual(state.ui.collapsed, []);
		assert.match(state.ui.status?.text ?? '', /alpha is not part of a compose project or stack/);
	});
});

describe('groups: filters', () => {
	it('shows a group when any member matches the text filter, with only the matching members', () => {
		let state = stateWith(fleet(), {type: 'ui/filterStart'});
		for (const char of 'db') state = appReducer(state, {type: 'ui/filterEdit', key: {name: char, text: char}});
		assert.deepEqual(shape(listRows(state)), ['[shop]', '  shop-db-1']);
		const shop = listRows(state)[0];
		assert.ok(isGroupRow(shop));
		assert.equal(shop.group.total, 2, 'the counts still speak of the whole project');
	});

	it('combines with the state filter', () => {
		const state = stateWith(fleet(), {type: 'ui/stateFilterNext'}); // running
		assert.deepEqual(shape(listRows(state)), ['alpha', '[shop]', '  shop-web-1']);
	});
});

describe('groups: the selection', () => {
	it('stays on a container when grouping goes off and on, and on the group row moves to its first member', () => {
		let state = selectRow(stateWith(fleet()), 'id-db');
		state = type(state, 'E').state;
		assert.equal(state.ui.grouped, false);
		assert.equal(selection(state).container?.id, 'id-db');
		state = type(state, 'E').state;
		assert.equal(selection(state).container?.id, 'id-db');
		state = selectRow(state, 'compose:shop');
		state = type(state, 'E').state;
		assert.equal(selection(state).container?.id, 'id-web', "the group's first member in the list's order");
	});

	it('selects the container a filter narrows the list to, not its project row', () => {
		let state = selectRow(stateWith(fleet()), 'id-alpha'); // the first row: the project's row takes its place
		state = type(state, '/', 'd', 'b', 'enter').state;
		assert.deepEqual(shape(listRows(state)), ['[shop]', '  shop-db-1']);
		assert.equal(selection(state).container?.id, 'id-db');
	});

	it('walks over group rows with the movement keys', () => {
		let state = selectRow(stateWith(fleet()), 'id-alpha');
		state = type(state, 'j').state;
		assert.equal(selection(state).group?.key, 'compose:shop');
		state = type(state, 'j').state;
		assert.equal(selection(state).container?.id, 'id-web');
	});
});

describe('groups: actions on a project row', () => {
	it('asks once for a stop of every member, listing them, and cancels naming the project', () => {
		const state = selectRow(stateWith(fleet()), 'compose:shop');
		const {state: asked, effects} = type(state, 's');
		assert.ok(!effects.some((effect) => effect.type === 'run'), 'nothing runs before the confirmation');
		const dialog = asked.ui.dialog;
		assert.equal(dialog?.kind, 'bulkConfirm');
		assert.ok(dialog?.kind === 'bulkConfirm');
		assert.equal(dialog.op, 'stop');
		assert.deepEqual(
			dialog.targets.map((target) => target.name),
			['shop-web-1', 'shop-db-1'],
		);
		assert.equal(dialog.group, 'compose project shop');
		const confirmed = type(asked, 'y').effects.find((effect) => effect.type === 'resource');
		assert.deepEqual(confirmed, {
			type: 'resource',
			request: {kind: 'bulk', op: 'stop', targets: dialog.targets, force: false},
		});
		const cancelled = type(asked, 'n').state;
		assert.match(cancelled.ui.status?.text ?? '', /the 2 containers of compose project shop were left as they were/);
	});

	it('acts on the members the filter shows, and removes, kills and restarts the same way', () => {
		let state = stateWith(fleet(), {type: 'ui/filterStart'});
		for (const char of 'web') state = appReducer(state, {type: 'ui/filterEdit', key: {name: char, text: char}});
		state = appReducer(state, {type: 'ui/filterDone'});
		state = selectRow(state, 'compose:shop');
		for (const [key, op] of [
			['d', 'remove'],
			['K', 'kill'],
			['r', 'restart'],
			['u', 'start'],
		] as const) {
			const dialog = type(state, key).state.ui.dialog;
			assert.ok(dialog?.kind === 'bulkConfirm', key);
			assert.equal(dialog.op, op);
			assert.deepEqual(
				dialog.targets.map((target) => target.id),
				['id-web'],
			);
		}
	});

	it('refuses the changing actions in read-only mode, with the reason', () => {
		const readOnly = createKeyMap(undefined, {readOnly: true});
		const state = selectRow(stateWith(fleet()), 'compose:shop');
		const effects = routeKey(state, press('s'), readOnly);
		const after = effects.reduce((s, effect) => (effect.type === 'dispatch' ? appReducer(s, effect.action) : s), state);
		assert.equal(after.ui.dialog, undefined);
		assert.match(after.ui.status?.text ?? '', /Read-only mode: "stop" is disabled/);
	});

	it('marks and unmarks every member with the mark key', () => {
		let state = selectRow(stateWith(fleet()), 'compose:shop');
		state = type(state, 'space').state;
		assert.deepEqual([...state.ui.marked].sort(), ['id-db', 'id-web']);
		state = type(state, 'space').state;
		assert.deepEqual(state.ui.marked, []);
	});

	it('follows the whole project in the logs pane, interleaved', () => {
		const state = selectRow(stateWith(fleet()), 'compose:shop');
		assert.deepEqual(logTargets(state), ['id-db', 'id-web']);
		const opened = type(state, 'l').state;
		assert.equal(opened.logs.project, 'shop');
		assert.equal(opened.ui.panel, 'logs');
		assert.deepEqual(opened.logs.targets, ['id-db', 'id-web']);
	});

	it('refuses a rename on a project row', () => {
		const {state} = type(selectRow(stateWith(fleet()), 'compose:shop'), 'R');
		assert.equal(state.ui.dialog, undefined);
		assert.match(state.ui.status?.text ?? '', /cannot be renamed/);
	});

	it('says that details and a shell need one of its containers', () => {
		for (const key of ['i', 'x']) {
			const {state, effects} = type(selectRow(stateWith(fleet()), 'compose:shop'), key);
			assert.equal(state.ui.panel, 'none');
			assert.ok(!effects.some((effect) => effect.type === 'exec'));
			assert.match(state.ui.status?.text ?? '', /shop is a compose project's row: select one of its containers/);
		}
	});
});

describe('groups: several engines', () => {
	/** A project "shop" on engine 0 and on engine 1, and a loose container on each. */
	function twoEngines(): Container[] {
		return [
			makeContainer({id: '0:web', name: 'shop-web-1', labels: compose('shop'), engine: 'local'}),
			makeContainer({id: '0:db', name: 'shop-db-1', labels: compose('shop'), engine: 'local', state: 'exited'}),
			makeContainer({id: '1:web', name: 'shop-web-1', labels: compose('shop'), engine: 'box'}),
			makeContainer({id: '0:loose', name: 'alpha', engine: 'local'}),
			makeContainer({id: '1:loose', name: 'beta', engine: 'box'}),
		];
	}

	it('a project of the same name on two engines is two groups, each with its own members and counts', () => {
		const state = stateWith(twoEngines());
		const groups = listRows(state).filter(isGroupRow);
		assert.deepEqual(groups.map((row) => row.id).sort(), ['compose@0:shop', 'compose@1:shop']);
		const local = groups.find((row) => row.id === 'compose@0:shop')!.group;
		const box = groups.find((row) => row.id === 'compose@1:shop')!.group;
		assert.deepEqual(local.members.map((member) => member.id).sort(), ['0:db', '0:web']);
		assert.equal(groupSummary(local), '1/2 running · 1 exited');
		assert.equal(local.engine, 'local');
		assert.deepEqual(
			box.members.map((member) => member.id),
			['1:web'],
		);
		assert.equal(groupSummary(box), '1/1 running');
		assert.equal(box.engine, 'box');
	});

	it('a qualified container key is not taken for a group key: the selection stays on the container', () => {
		const state = selectRow(stateWith(twoEngines()), '1:loose');
		assert.equal(selection(state).container?.id, '1:loose');
		assert.equal(selection(state).group, undefined);
	});

	it('folding one engine’s project leaves the other’s open', () => {
		let state = selectRow(stateWith(twoEngines()), 'compose@1:shop');
		state = type(state, 'e').state;
		const groups = listRows(state).filter(isGroupRow);
		assert.equal(groups.find((row) => row.id === 'compose@1:shop')?.group.collapsed, true);
		assert.equal(groups.find((row) => row.id === 'compose@0:shop')?.group.collapsed, false);
	});

	it('the logs of a project row follow that engine’s project only', () => {
		const state = selectRow(stateWith(twoEngines()), 'compose@0:shop');
		assert.deepEqual(logTargets(state), ['0:db', '0:web']);
		const opened = type(state, 'l').state;
		assert.equal(opened.logs.project, 'shop');
		assert.deepEqual(opened.logs.targets, ['0:db', '0:web']);
	});
});
