// The first size of a new exec's TTY (docker/exec.ts sendFirstSize): the engine can refuse it while the
// process starts, or drop it silently, which left a shell at 0×0 (`stty size` failed) in a CI run.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {sendFirstSize} from '../../source/docker/exec.js';

/** An engine that refuses the first `refusals` resizes; records every size it was sent, and every wait. */
function fakeEngine(refusals: number) {
	const sent: string[] = [];
	const waits: number[] = [];
	let size = '30x100';
	return {
		sent,
		waits,
		resizeTo(next: string) {
			size = next;
		},
		async send() {
			sent.push(size);
			if (sent.length <= refusals) throw new Error('cannot resize a process that has not started');
		},
		async wait(ms: number) {
			waits.push(ms);
		},
	};
}

describe("a new exec's first size", () => {
	it('is tried again while the engine refuses it, then sent once more a moment later', async () => {
		const engine = fakeEngine(2);
		await sendFirstSize(engine.send, () => true, engine.wait);
		assert.deepEqual(engine.sent, ['30x100', '30x100', '30x100', '30x100']);
		assert.deepEqual(engine.waits, [10, 20, 250]);
	});

	it('is sent again even when the engine took it: an engine can drop it without saying so', async () => {
		const engine = fakeEngine(0);
		await sendFirstSize(engine.send, () => true, engine.wait);
		assert.deepEqual(engine.sent, ['30x100', '30x100']);
	});

	it('follows a resize made meanwhile, never sending an older size after a newer one', async () => {
		const engine = fakeEngine(1);
		const wait = async (ms: number) => {
			await engine.wait(ms);
			engine.resizeTo('26x90');
		};
		await sendFirstSize(engine.send, () => true, wait);
		assert.deepEqual(engine.sent, ['30x100', '26x90', '26x90']);
	});

	it('gives up after ten refusals, as docker does, and stops as soon as the session is over', async () => {
		const refused = fakeEngine(100);
		await sendFirstSize(refused.send, () => true, refused.wait);
		assert.equal(refused.sent.length, 11);
		assert.deepEqual(refused.waits, [10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);

		const ended = fakeEngine(100);
		let live = true;
		await sendFirstSize(
			ended.send,
			() => live,
			async (ms) => {
				await ended.wait(ms);
				live = false;
			},
		);
		assert.deepEqual(ended.sent, ['30x100']);
	});
});
