// The engine feeds' news as state changes: each kind of news reaches the reducer that holds it.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {appReducer, type AppState} from '../../source/state/core/app.js';
import {containerFeedActions, resourceFeedActions} from '../../source/session/feed-actions.js';
import type {ContainerFeedEvent} from '../../source/docker/streams/container-feed.js';
import {makeContainer, stateWith} from '../helpers/fixtures.js';

const apply = (state: AppState, ...events: ContainerFeedEvent[]) =>
	events.flatMap(containerFeedActions).reduce(appReducer, state);

describe('containerFeedActions', () => {
	it('turns every kind of container news into the action its reducer takes', () => {
		const web = makeContainer({id: 'w', name: 'web', state: 'running'});
		let state = apply(stateWith([]), {type: 'snapshot', containers: [web]});
		assert.deepEqual(Object.keys(state.containers.byId), ['w']);
		state = apply(state, {type: 'upsert', container: {...web, name: 'web-2'}});
		assert.equal(state.containers.byId['w']?.name, 'web-2');
		state = apply(state, {type: 'times', times: [{id: 'w', startedAt: 1000, finishedAt: 2000, exitCode: 3}]});
		assert.equal(state.containers.byId['w']?.exitCode, 3);
		state = apply(state, {type: 'remove', id: 'w'});
		assert.deepEqual(Object.keys(state.containers.byId), []);
	});

	it('turns connection news into the engine state', () => {
		let state = apply(stateWith([]), {type: 'disconnected', error: 'gone'});
		assert.equal(state.engine.connection, 'disconnected');
		assert.equal(state.engine.error, 'gone');
		state = apply(state, {type: 'connected', version: '20.10.24', apiVersion: '1.41'});
		assert.equal(state.engine.connection, 'connected');
		assert.equal(state.engine.version, '20.10.24');
	});
});

describe('resourceFeedActions', () => {
	it('applies only the kinds that were read, and an unscopable kind', () => {
		const actions = resourceFeedActions({type: 'rows', rows: {volumes: []}});
		assert.deepEqual(
			actions.map((action) => action.type),
			['resources/volumes'],
		);
		const [unscopable] = resourceFeedActions({type: 'unscopable', pane: 'networks', reason: 'no labels'});
		assert.deepEqual(unscopable, {type: 'resources/unscopable', pane: 'networks', reason: 'no labels'});
	});
});
