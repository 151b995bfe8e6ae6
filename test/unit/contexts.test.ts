// The contexts dialog's keys: move, switch to the highlighted context, or leave things as they are.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {routeContextsKey} from '../../source/state/contexts/contexts-input.js';
import type {ContextsDialog} from '../../source/state/contexts/contexts.js';
import {createKeyMap} from '../../source/state/input/keymap.js';

const keys = createKeyMap();
const dialog: ContextsDialog = {
	kind: 'contexts',
	current: 'default',
	index: 0,
	items: [
		{name: 'default', url: 'unix:///var/run/docker.sock'},
		{name: 'prod', url: 'ssh://ops@prod'},
	],
};
const press = (name: string, state: ContextsDialog = dialog) => routeContextsKey(state, {name, text: name}, keys);

describe('contexts dialog keys', () => {
	it('moves within the list and stops at its ends', () => {
		assert.deepEqual(press('j'), [{type: 'dispatch', action: {type: 'ui/openDialog', dialog: {...dialog, index: 1}}}]);
		assert.deepEqual(press('down', {...dialog, index: 1}), [
			{type: 'dispatch', action: {type: 'ui/openDialog', dialog: {...dialog, index: 1}}},
		]);
		assert.deepEqual(press('k'), [{type: 'dispatch', action: {type: 'ui/openDialog', dialog: {...dialog, index: 0}}}]);
	});

	it('switches with Enter, unless the context is the current one', () => {
		assert.deepEqual(press('enter', {...dialog, index: 1}), [
			{type: 'dispatch', action: {type: 'ui/closeDialog'}},
			{type: 'switchContext', name: 'prod'},
		]);
		assert.deepEqual(press('enter'), [{type: 'dispatch', action: {type: 'ui/closeDialog'}}]);
	});

	it('closes with Esc or c, quits with q, and ignores other keys', () => {
		assert.deepEqual(press('escape'), [{type: 'dispatch', action: {type: 'ui/closeDialog'}}]);
		assert.deepEqual(press('c'), [{type: 'dispatch', action: {type: 'ui/closeDialog'}}]);
		assert.deepEqual(press('q'), [{type: 'quit'}]);
		assert.deepEqual(press('s'), []);
	});
});
