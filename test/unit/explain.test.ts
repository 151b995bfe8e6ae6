// The start-up paragraph when the engine cannot be reached.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {Endpoint} from '../../source/docker/connect/endpoint.js';
import {EngineError} from '../../source/docker/errors.js';
import {explainUnreachable} from '../../source/docker/connect/explain.js';

const unix: Endpoint = {kind: 'unix', socketPath: '/var/run/docker.sock', url: 'unix:///var/run/docker.sock'};
const tcp: Endpoint = {kind: 'tcp', host: '10.0.0.5', port: 2375, url: 'tcp://10.0.0.5:2375'};

describe('explainUnreachable', () => {
	it('a missing socket asks whether Docker is installed and running', () => {
		const text = explainUnreachable(
			unix,
			new EngineError('unreachable', 'ENOENT: the socket does not exist', undefined, 'ENOENT'),
		);
		const lines = text.split('\n');
		assert.equal(
			lines[0],
			'dockpit could not reach the Docker engine at unix:///var/run/docker.sock: ENOENT: the socket does not exist.',
		);
		assert.match(text, /No socket exists there: is Docker installed/);
		assert.match(lines.at(-1)!, /--host or set DOCKER_HOST/);
	});

	it('permission denied on the socket explains the docker group', () => {
		const text = explainUnreachable(unix, new EngineError('forbidden', 'EACCES: permission denied', undefined, 'EACCES'));
		assert.match(text, /Your user may not open \/var\/run\/docker\.sock/);
		assert.match(text, /usermod -aG docker/);
	});

	it('forbidden over tcp speaks of credentials, not the docker group', () => {
		const text = explainUnreachable(tcp, new EngineError('forbidden', 'Forbidden', 403));
		assert.match(text, /credentials or certificates/);
		assert.doesNotMatch(text, /usermod/);
	});

	it('nothing listening says to check the engine is running there', () => {
		const text = explainUnreachable(
			tcp,
			new EngineError('unreachable', 'ECONNREFUSED: nothing is listening there', undefined, 'ECONNREFUSED'),
		);
		assert.match(text, /at tcp:\/\/10\.0\.0\.5:2375: ECONNREFUSED/);
		assert.match(text, /Check that the engine is running and listening there/);
	});

	it('an engine that answered with an error points at its logs', () => {
		const text = explainUnreachable(unix, new EngineError('daemon', 'client version 1.99 is too new', 400));
		assert.match(text, /client version 1\.99 is too new/);
		assert.match(text, /check its logs/);
	});
});
