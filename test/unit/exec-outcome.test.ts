// How an exec session's end is told: the container stopping, being removed, or the engine dying under it
// ("exec ended: db stopped" was said when the daemon died, not the container).
import assert from 'node:assert/strict';
import {PassThrough} from 'node:stream';
import {describe, it} from 'node:test';
import type {Engine} from '../../source/docker/engine.js';
import {openExec} from '../../source/docker/exec.js';
import {execStatus, type ExecRequest} from '../../source/state/details/exec.js';

const shell: ExecRequest = {kind: 'shell', id: 'c1', name: 'db'};

/** An engine whose exec streams end at once, and whose container inspect fails with `inspectError`. */
function engineWhere(inspectError: unknown): Engine {
	const container = {
		async exec() {
			return {
				async start() {
					const stream = new PassThrough();
					setImmediate(() => stream.end());
					return stream;
				},
				resize: async () => undefined,
				inspect: async () => ({ExitCode: 137}),
			};
		},
		inspect: async () => Promise.reject(inspectError),
	};
	// No deadline here: the requests answer at once.
	return {docker: {getContainer: () => container}, within: async <T>(request: Promise<T>) => request} as unknown as Engine;
}

const sink = {write: () => true};
const size = {columns: 80, rows: 24};

describe('exec outcome', () => {
	it('the daemon dying is told as the engine stopping, not the container', async () => {
		const refused = Object.assign(new Error('connect ECONNREFUSED /var/run/docker.sock'), {code: 'ECONNREFUSED'});
		const session = await openExec(engineWhere(refused), shell, size, sink);
		const outcome = await session.done;
		assert.deepEqual(outcome, {kind: 'engine-lost', message: 'ECONNREFUSED: nothing is listening there'});
		const status = execStatus(shell, outcome);
		assert.equal(status.text, 'exec ended: the engine stopped answering (ECONNREFUSED: nothing is listening there) · db');
		assert.equal(status.tone, 'error');
		assert.doesNotMatch(status.text, /db stopped/);
	});

	it('a container removed meanwhile (404) still ends as the container stopping', async () => {
		const gone = Object.assign(new Error('(HTTP code 404) no such container'), {
			statusCode: 404,
			json: {message: 'No such container: c1'},
		});
		const outcome = await (await openExec(engineWhere(gone), shell, size, sink)).done;
		assert.deepEqual(outcome, {kind: 'container-stopped', code: undefined});
		assert.equal(execStatus(shell, outcome).text, 'exec ended: db stopped');
	});
});
