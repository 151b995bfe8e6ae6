// The external store: dispatches apply at once, and a burst of them is heard once.
import assert from 'node:assert/strict';
import {setImmediate as nextTurn} from 'node:timers/promises';
import {describe, it} from 'node:test';
import {createStore} from '../../source/session/store.js';

const counter = () => createStore((state: number, action: number) => (action === 0 ? state : state + action), 0);

describe('createStore', () => {
	it('applies each dispatch at once', () => {
		const store = counter();
		store.dispatch(2);
		assert.equal(store.getState(), 2);
		store.dispatch(3);
		assert.equal(store.getState(), 5);
	});

	it('tells subscribers once per turn of the event loop, after a burst', async () => {
		const store = counter();
		let heard = 0;
		store.subscribe(() => heard++);
		for (let i = 0; i < 100; i++) store.dispatch(1);
		assert.equal(heard, 0, 'not during the burst');
		await nextTurn();
		assert.equal(heard, 1);
		store.dispatch(1);
		await nextTurn();
		assert.equal(heard, 2);
	});

	it('says nothing when the state did not change', async () => {
		const store = counter();
		let heard = 0;
		store.subscribe(() => heard++);
		store.dispatch(0);
		await nextTurn();
		assert.equal(heard, 0);
	});

	it('stops telling a listener that unsubscribed', async () => {
		const store = counter();
		let heard = 0;
		const unsubscribe = store.subscribe(() => heard++);
		unsubscribe();
		store.dispatch(1);
		await nextTurn();
		assert.equal(heard, 0);
	});
});
