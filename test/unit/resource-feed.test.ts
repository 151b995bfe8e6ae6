// The resources feed against an engine whose reads fail: it must wait before reading again, not spin.
import assert from 'node:assert/strict';
import {it} from 'node:test';
import type {Engine} from '../../source/docker/engine.js';
import {startResourceFeed} from '../../source/docker/streams/resource-feed.js';

/** An engine whose /events stream opens and stays quiet, and whose every read fails a moment later (as a refused connection would). */
function unreachableReads() {
	const reads: number[] = [];
	const engine = {
		async events() {
			return {close() {}, closed: new Promise<string>(() => {})};
		},
		docker: {
			async listContainers() {
				reads.push(Date.now());
				await new Promise((resolve) => setImmediate(resolve));
				throw Object.assign(new Error('connect ECONNREFUSED'), {code: 'ECONNREFUSED'});
			},
		},
	};
	return {engine: engine as unknown as Engine, reads};
}

async function waitFor(check: () => boolean, timeoutMs: number): Promise<void> {
	const until = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > until) throw new Error(`not within ${timeoutMs} ms`);
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}

it('waits before reading again after a failed read, instead of retrying at once', async () => {
	const {engine, reads} = unreachableReads();
	const feed = startResourceFeed({engine, scope: {}, emit: () => {}, retryMs: 200, maxRetryMs: 400});
	try {
		await waitFor(() => reads.length >= 3, 3000);
		const pauses = reads.slice(1, 3).map((at, index) => at - reads[index]!);
		assert.equal(reads.length, 3, `${reads.length} reads where 3 were expected`);
		assert.ok(pauses[0]! >= 190, `the second read came ${pauses[0]} ms after the first`);
		assert.ok(pauses[1]! >= 390, `the third read came ${pauses[1]} ms after the second (the pause doubles)`);
	} finally {
		feed.stop();
	}

	const stoppedAt = reads.length;
	await new Promise((resolve) => setTimeout(resolve, 500));
	assert.equal(reads.length, stoppedAt, 'no read after stop()');
});
