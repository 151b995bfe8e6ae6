// Read-only mode walks the whole key table: every binding marked `mutates` must be refused with the
// read-only message wherever it would act, and must be missing from the bindings the footer and help
// show, while every other key still does what it does without read-only. A mutating binding that no
// scenario here reaches fails the test, so a new one cannot slip through unexamined.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {appReducer, initialAppState, type AppAction, type AppState} from '../../source/state/core/app.js';
import {routeKey, type Effect} from '../../source/state/input/input.js';
import {createKeyMap, defaultBindings, type Binding} from '../../source/state/input/keymap.js';
import {scopeTitles} from '../../source/state/input/key-text.js';
import {refusalText} from '../../source/state/input/read-only.js';
import type {Dialog, PaneId} from '../../source/state/core/ui.js';
import {toContainer} from '../../source/docker/mapping.js';
import {isSwarmPane} from '../../source/state/swarm/swarm.js';
import {makeNode, makeService, makeTask, manager} from '../helpers/swarm-fixtures.js';

const full = createKeyMap(defaultBindings);
const readOnly = createKeyMap(defaultBindings, {readOnly: true});

function baseState(): AppState {
	const now = Date.now();
	const actions: AppAction[] = [
		{
			type: 'containers/snapshot',
			containers: [
				toContainer({Id: 'a'.repeat(64), Names: ['/web'], Image: 'img', State: 'running', Status: 'Up 2 minutes'}, now),
				toContainer({Id: 'b'.repeat(64), Names: ['/db'], Image: 'img', State: 'exited', Status: 'Exited (0) 1 minute ago'}, now),
			],
		},
		{type: 'ui/select', id: 'a'.repeat(64), index: 0},
	];
	return actions.reduce(appReducer, initialAppState({endpoint: 'unix:///var/run/docker.sock', scope: []}));
}

const withDialog = (state: AppState, dialog: unknown): AppState =>
	appReducer(state, {type: 'ui/openDialog', dialog: dialog as Dialog});

/** Every place a binding can act: each pane, and the dialogs whose keys change the engine. */
function scenarios(): Array<[string, AppState]> {
	const base = baseState();
	const panes: PaneId[] = ['containers', 'images', 'volumes', 'networks'];
	const list: Array<[string, AppState]> = panes.map((pane) => [`${pane} pane`, appReducer(base, {type: 'ui/pane', pane})]);
	list.push([
		'containers pane, two marked for a bulk action',
		appReducer(base, {type: 'ui/markAll', ids: ['a'.repeat(64), 'b'.repeat(64)]}),
	]);
	list.push([
		'prune dialog, preview ready',
		withDialog(base, {
			kind: 'prune',
			phase: 'ready',
			choices: {},
			preview: {items: [{category: 'containers', id: 'b'.repeat(64), name: 'db', size: 0}], total: 0},
		}),
	]);
	// The swarm panes of a manager, with a service, its task and a node.
	const swarm = [
		{type: 'swarm/role', role: manager},
		{type: 'swarm/services', rows: [makeService()]},
		{type: 'swarm/nodes', rows: [makeNode()]},
		{type: 'swarm/tasks', rows: [makeTask()]},
	] satisfies AppAction[];
	for (const pane of ['services', 'tasks', 'nodes'] as const) {
		list.push([`swarm ${pane} pane`, [...swarm, {type: 'ui/pane', pane} as const].reduce(appReducer, base)]);
	}

	return list;
}

const refusal = (binding: Binding): Effect[] => [
	{type: 'dispatch', action: {type: 'ui/status', status: {text: refusalText(binding), tone: 'error'}}},
];

const engineEffects = (effects: readonly Effect[]) =>
	effects.filter((effect) => effect.type !== 'dispatch' && effect.type !== 'quit');

describe('read-only mode', () => {
	const mutating = defaultBindings.filter((binding) => binding.mutates);

	it('has mutating bindings to check', () => {
		assert.ok(mutating.length >= 7, 'the key table marks container operations as mutating');
	});

	for (const binding of mutating) {
		for (const key of binding.keys) {
			it(`refuses ${scopeTitles[binding.scope]} "${binding.command}" (${key})`, () => {
				let reached = 0;
				for (const [name, state] of scenarios()) {
					if (full.lookup(binding.scope, key) !== binding.command) continue;
					// A swarm pane's binding acts only in that pane, and a swarm pane reads only its own, global and list keys.
					if (isSwarmPane(binding.scope) && state.ui.pane !== binding.scope) continue;
					if (isSwarmPane(state.ui.pane) && ![state.ui.pane, 'global', 'list'].includes(binding.scope)) continue;
					const normal = routeKey(state, {name: key, text: key.length === 1 ? key : ''}, full);
					if (normal.length === 0) continue;
					const refused = routeKey(state, {name: key, text: key.length === 1 ? key : ''}, readOnly);
					// Acting here without read-only (normal) and refused with it: the refusal is all that happens.
					if (JSON.stringify(normal) === JSON.stringify(refused)) continue;
					reached++;
					assert.deepEqual(refused, refusal(binding), `${name}: ${key} should be refused`);
				}

				assert.ok(reached > 0, `no scenario reaches ${binding.scope}/${binding.command}: add one to this test`);
			});
		}
	}

	it('never lets any key of the table reach the engine through a mutating binding', () => {
		const keys = [...new Set(defaultBindings.flatMap((binding) => binding.keys))];
		for (const [name, state] of scenarios()) {
			for (const key of keys) {
				const effects = routeKey(state, {name: key, text: key.length === 1 ? key : ''}, readOnly);
				for (const effect of engineEffects(effects)) {
					assert.notEqual(effect.type, 'run', `${name}: ${key} ran a container operation in read-only mode`);
					if (effect.type === 'swarm')
						assert.notEqual(effect.request.kind, 'op', `${name}: ${key} changed the swarm in read-only mode`);
				}
			}
		}
	});

	it('hides mutating bindings from the footer and help, and keeps viewing keys working', () => {
		assert.ok(readOnly.bindings.every((binding) => !binding.mutates));
		assert.deepEqual(
			readOnly.bindings.map((binding) => binding.command),
			defaultBindings.filter((binding) => !binding.mutates).map((binding) => binding.command),
		);
		const state = baseState();
		for (const key of ['j', '/', 'o', '?']) {
			assert.deepEqual(routeKey(state, {name: key, text: key}, readOnly), routeKey(state, {name: key, text: key}, full), key);
		}
	});

	it('lets text prompts take the letters of mutating keys', () => {
		const filtering = appReducer(baseState(), {type: 'ui/filterStart'});
		const effects = routeKey(filtering, {name: 's', text: 's'}, readOnly);
		assert.deepEqual(effects, [{type: 'dispatch', action: {type: 'ui/filterEdit', key: {name: 's', text: 's'}}}]);
	});
});
