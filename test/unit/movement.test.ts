import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {movement} from '../../source/state/input/movement.js';

describe('movement', () => {
	it('moves by one, by a page (less one row) and to the ends, within the list', () => {
		assert.deepEqual(movement('down', 3, 10, 5), {moves: true, next: 4});
		assert.deepEqual(movement('up', 0, 10, 5), {moves: true, next: 0});
		assert.deepEqual(movement('pageDown', 3, 10, 5), {moves: true, next: 7});
		assert.deepEqual(movement('pageDown', 8, 10, 5), {moves: true, next: 9});
		assert.deepEqual(movement('pageUp', 3, 10, 5), {moves: true, next: 0});
		assert.deepEqual(movement('top', 6, 10, 5), {moves: true, next: 0});
		assert.deepEqual(movement('bottom', 2, 10, 5), {moves: true, next: 9});
	});

	it('a page is at least one row; an empty list moves nowhere; other commands are not movements', () => {
		assert.deepEqual(movement('pageDown', 0, 10, 1), {moves: true, next: 1});
		assert.deepEqual(movement('down', 0, 0, 5), {moves: true});
		assert.deepEqual(movement('quit', 0, 10, 5), {moves: false});
	});
});
