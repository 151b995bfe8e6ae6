// The status line's words for container operations.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {opFailure, opProgress, opSuccess} from '../../source/state/core/messages.js';
import type {ContainerOp} from '../../source/state/core/model.js';

const op = (kind: ContainerOp['kind'], extra: Partial<ContainerOp> = {}): ContainerOp => ({
	kind,
	id: 'abc',
	name: 'web',
	...extra,
});

describe('messages', () => {
	it('progress and success for each kind', () => {
		const table = (['start', 'stop', 'restart', 'pause', 'unpause', 'kill', 'remove'] as const).map((kind) => [
			opProgress(op(kind)),
			opSuccess(op(kind)),
		]);
		assert.deepEqual(table, [
			['Starting web…', 'Started web'],
			['Stopping web…', 'Stopped web'],
			['Restarting web…', 'Restarted web'],
			['Pausing web…', 'Paused web'],
			['Unpausing web…', 'Unpaused web'],
			['Killing web…', 'Killed web'],
			['Removing web…', 'Removed web'],
		]);
	});

	it('says when a removal is forced', () => {
		assert.equal(opProgress(op('remove', {force: true})), 'Removing web (forced)…');
	});

	it('rename names both names', () => {
		assert.equal(opProgress(op('rename', {newName: 'api'})), 'Renaming web to api…');
		assert.equal(opSuccess(op('rename', {newName: 'api'})), 'Renamed web to api');
	});

	it('failures carry the daemon message', () => {
		assert.equal(
			opFailure(op('remove'), {
				kind: 'conflict',
				message: 'You cannot remove a running container abc. Stop the container before attempting removal or force remove',
			}),
			'Could not remove web: You cannot remove a running container abc. Stop the container before attempting removal or force remove',
		);
		assert.equal(opFailure(op('remove', {force: true}), {kind: 'daemon', message: 'x'}), 'Could not force-remove web: x');
		assert.equal(
			opFailure(op('rename', {newName: 'db'}), {kind: 'conflict', message: 'name in use'}),
			'Could not rename web: name in use',
		);
	});

	it('not-modified answers read as what they mean', () => {
		assert.equal(opFailure(op('start'), {kind: 'not-modified', message: 'HTTP 304'}), 'web is already running');
		assert.equal(opFailure(op('stop'), {kind: 'not-modified', message: 'HTTP 304'}), 'web is already stopped');
		assert.equal(opFailure(op('restart'), {kind: 'not-modified', message: 'HTTP 304'}), 'Could not restart web: HTTP 304');
	});

	it('a timeout reads as the operation that timed out', () => {
		assert.equal(
			opFailure(op('start'), {kind: 'timeout', message: 'timed out after 10 s: the engine is not answering'}),
			'Starting web… timed out after 10 s: the engine is not answering',
		);
	});
});
