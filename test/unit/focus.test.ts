// focusScope and footerBindings: which part of the screen has the keys, and the footer that says so.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {AppAction} from '../../source/state/core/app.js';
import {focusScope, footerBindings} from '../../source/state/input/focus.js';
import {createKeyMap, type Scope} from '../../source/state/input/keymap.js';
import {makeContainer, stateWith} from '../helpers/fixtures.js';

const keyMap = createKeyMap();
const container = makeContainer({id: 'c1', name: 'web'});
const at = (...actions: AppAction[]) => stateWith([container], ...actions);
const scopesIn = (shown: readonly {scope: Scope}[]) => [...new Set(shown.map((binding) => binding.scope))].sort();
const editor = {value: '', cursor: 0};

describe('focusScope', () => {
	it('names the list, the open panel, a prompt or a dialog, the innermost first', () => {
		assert.equal(focusScope(at()), 'containers');
		assert.equal(focusScope(at({type: 'ui/pane', pane: 'images'})), 'resources');
		assert.equal(focusScope(at({type: 'ui/panel', panel: 'details'})), 'details');
		assert.equal(focusScope(at({type: 'ui/panel', panel: 'logs'}, {type: 'logs/focus', focused: true})), 'logs');
		// Logs on screen but the focus back on the list: the list's keys act.
		assert.equal(focusScope(at({type: 'ui/panel', panel: 'logs'}, {type: 'logs/focus', focused: false})), 'containers');
		assert.equal(
			focusScope(
				at(
					{type: 'ui/panel', panel: 'logs'},
					{type: 'logs/focus', focused: true},
					{type: 'logs/prompt', prompt: {kind: 'search', editor}},
				),
			),
			'prompt',
		);
		assert.equal(focusScope(at({type: 'ui/filterStart'})), 'prompt');
		assert.equal(focusScope(at({type: 'ui/pane', pane: 'volumes'}, {type: 'resources/filterStart', pane: 'volumes'})), 'prompt');
		assert.equal(focusScope(at({type: 'ui/openDialog', dialog: {kind: 'rename', id: 'c1', name: 'web', editor}})), 'prompt');
		assert.equal(
			focusScope(
				at(
					{type: 'ui/panel', panel: 'details'},
					{
						type: 'ui/openDialog',
						dialog: {kind: 'confirm', op: {kind: 'kill', id: 'c1', name: 'web'}, running: true, image: 'x'},
					},
				),
			),
			'confirm',
		);
	});
});

describe('footerBindings', () => {
	it('offers the list keys on the containers pane, never the resource-only ones', () => {
		const shown = footerBindings(at(), keyMap);
		assert.ok(shown.length > 0 && shown.every((binding) => binding.footer));
		assert.ok(!shown.some((binding) => binding.scope === 'resources'));
		assert.ok(shown.some((binding) => binding.command === 'stop'));
	});

	it('offers the resource keys on a resource pane, and only the prompt keys while filtering it', () => {
		const images = footerBindings(at({type: 'ui/pane', pane: 'images'}), keyMap);
		assert.ok(images.every((binding) => binding.footer && ['global', 'list', 'resources'].includes(binding.scope)));
		assert.ok(images.some((binding) => binding.scope === 'resources'));
		assert.ok(!images.some((binding) => binding.scope === 'containers'));
		const filtering = footerBindings(
			at({type: 'ui/pane', pane: 'images'}, {type: 'resources/filterStart', pane: 'images'}),
			keyMap,
		);
		assert.deepEqual(scopesIn(filtering), ['prompt']);
	});

	it("offers a panel's own footer keys plus help and quit", () => {
		const details = footerBindings(at({type: 'ui/panel', panel: 'details'}), keyMap);
		assert.ok(
			details.every((binding) => binding.scope === 'details' || binding.command === 'help' || binding.command === 'quit'),
		);
		assert.ok(details.some((binding) => binding.command === 'help'));
		const logs = footerBindings(at({type: 'ui/panel', panel: 'logs'}, {type: 'logs/focus', focused: true}), keyMap);
		assert.ok(logs.some((binding) => binding.scope === 'logs'));
		assert.ok(logs.every((binding) => binding.scope === 'logs' || binding.command === 'help' || binding.command === 'quit'));
	});

	it("offers the confirm dialog's keys that act on its operation: force and volumes to remove, a signal to kill", () => {
		const offered = (kind: 'remove' | 'kill') =>
			footerBindings(
				at({type: 'ui/openDialog', dialog: {kind: 'confirm', op: {kind, id: 'c1', name: 'web'}, running: true, image: 'x'}}),
				keyMap,
			).map((binding) => binding.command);
		assert.deepEqual(offered('remove'), ['yes', 'force', 'no', 'volumes']);
		assert.deepEqual(offered('kill'), ['yes', 'no', 'signal']);
	});
});

describe('footers that told lies (issue 14, item 9)', () => {
	const commands = (state: ReturnType<typeof at>, keys = keyMap) =>
		footerBindings(state, keys)
			.map((b) => `${b.scope}.${b.command}`)
			.sort();
	const target = {id: 'c1', name: 'web', state: 'running', image: 'x'} as const;

	it('the bulk result offers the key that closes it, not yes, force and no', () => {
		const dialog = {
			kind: 'bulkResult',
			op: 'stop',
			force: false,
			targets: [target],
			outcomes: [{id: 'c1', name: 'web', ok: true}],
		} as const;
		assert.deepEqual(commands(at({type: 'ui/openDialog', dialog})), ['result.close']);
	});

	it('removing a volume offers no force, which only images have', () => {
		const volume = {pane: 'volumes', ref: 'data', id: 'data', name: 'data', usedBy: []} as const;
		assert.deepEqual(commands(at({type: 'ui/openDialog', dialog: {kind: 'removeResource', target: volume}})), [
			'confirm.no',
			'confirm.yes',
		]);
		const image = {pane: 'images', ref: 'nginx:1', id: 'sha256:1', name: 'nginx:1', usedBy: []} as const;
		assert.deepEqual(commands(at({type: 'ui/openDialog', dialog: {kind: 'removeResource', target: image}})), [
			'confirm.force',
			'confirm.no',
			'confirm.yes',
		]);
	});

	it("the read-only list offers list keys, never the details panel's", () => {
		const shown = commands(at(), createKeyMap(undefined, {readOnly: true}));
		assert.ok(shown.includes('containers.details'), shown.join(' '));
		assert.deepEqual(
			shown.filter((name) => !/^(containers|list|global)\./.test(name)),
			[],
		);
	});

	it('the contexts dialog, also when it opens because the engine does not answer, offers its own keys', () => {
		const items = [
			{name: 'default', url: 'unix:///var/run/docker.sock'},
			{name: 'dead', url: 'tcp://203.0.113.9:2375'},
		];
		for (const note of [undefined, 'The engine of context dead does not answer']) {
			const dialog = {kind: 'contexts', items, index: 0, current: 'dead', note} as const;
			assert.deepEqual(commands(at({type: 'ui/openDialog', dialog})), ['contexts.close', 'contexts.pick', 'global.quit']);
		}
	});

	it("the exec result panel offers closing, revealing and quitting, not the containers' keys", () => {
		const dialog = {
			kind: 'execResult',
			id: 'c1',
			name: 'web',
			command: 'ls',
			lines: ['a'],
			dropped: 0,
			offset: 0,
			tone: 'success',
			ending: 'exited (code 0)',
			revealed: false,
		} as const;
		assert.deepEqual(commands(at({type: 'ui/openDialog', dialog})), ['global.quit', 'result.close', 'result.reveal']);
	});
});
