// The confirmation shown before kill and remove: what will be destroyed, and the keys that answer.
import assert from 'node:assert/strict';
import {afterEach, describe, it} from 'node:test';
import {cleanup, render} from 'ink-testing-library';
import {ConfirmDialog} from '../../source/components/ConfirmDialog.js';
import {createKeyMap} from '../../source/state/input/keymap.js';
import type {Dialog} from '../../source/state/core/ui.js';
import {frame, waitForFrame} from '../helpers/ink.js';

afterEach(cleanup);

const keys = createKeyMap();
const dialog = (kind: 'kill' | 'remove', running: boolean): Extract<Dialog, {kind: 'confirm'}> => ({
	kind: 'confirm',
	op: {kind, id: '0123456789abcdef0123', name: 'web'},
	running,
	image: 'nginx:1.27',
});

describe('ConfirmDialog', () => {
	it('kill: the question, a table row with name, short id, image and state, and y/n', async () => {
		const rendered = render(<ConfirmDialog dialog={dialog('kill', true)} keys={keys} />);
		const text = await waitForFrame(rendered, 'Kill web?');
		assert.match(text, /│ name │ id\s+│ image\s+│ state\s+│/);
		assert.match(text, /│ web\s+│ 0123456789ab │ nginx:1\.27 │ running │/);
		assert.doesNotMatch(text, /0123456789abc/, 'the id is the short one');
		assert.match(text, /\[y\] kill\s+\[n\] cancel/);
	});

	it('remove of a running container offers only force or cancel', async () => {
		const rendered = render(<ConfirmDialog dialog={dialog('remove', true)} keys={keys} />);
		const text = await waitForFrame(rendered, 'Remove web?');
		assert.match(text, /It is running: removing it kills it first/);
		assert.match(text, /\[f\] force remove\s+\[n\] cancel/);
		assert.doesNotMatch(text, /\[y\]/);
	});

	it('remove of a stopped container says what is kept', async () => {
		const rendered = render(<ConfirmDialog dialog={dialog('remove', false)} keys={keys} />);
		const text = await waitForFrame(rendered, 'Remove web?');
		assert.match(text, /volumes are kept/);
		assert.match(text, /│ web\s+│ 0123456789ab │ nginx:1\.27 │ stopped │/);
		assert.match(frame(rendered), /\[y\] remove\s+\[n\] cancel/);
	});
});
