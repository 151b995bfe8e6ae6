// An Engine closes the SSH connections it goes through, so a context switch leaves none open behind it.
import assert from 'node:assert/strict';
import {it} from 'node:test';
import type {Endpoint} from '../../source/docker/connect/endpoint.js';
import {Engine} from '../../source/docker/engine.js';
import {DialStdioPool, dialStdioPoolFor} from '../../source/docker/ssh/channel-pool.js';

const endpoint: Extract<Endpoint, {kind: 'ssh'}> = {kind: 'ssh', host: '127.0.0.1', port: 2222, url: 'ssh://127.0.0.1:2222'};

it('Engine.close() destroys the shared dial-stdio pool, and the next engine for that host gets a fresh one', () => {
	const pool = dialStdioPoolFor(endpoint);
	assert.ok(pool instanceof DialStdioPool);
	const engine = new Engine(endpoint);
	assert.equal(dialStdioPoolFor(endpoint), pool, 'engines for one host share a pool');
	let destroyed = 0;
	const destroy = pool.destroy.bind(pool);
	pool.destroy = () => {
		destroyed++;
		destroy();
	};

	engine.close();
	assert.equal(destroyed, 1);
	assert.notEqual(dialStdioPoolFor(endpoint), pool, 'a closed pool is not handed out again');
});
