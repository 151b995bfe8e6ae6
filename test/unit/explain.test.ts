// The start-up paragraph when the engine cannot be reached.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {Endpoint} from '../../source/docker/connect/endpoint.js';
import {EngineError, toEngineError} from '../../source/docker/errors.js';
import {explainUnreachable, rejectedFilter} from '../../source/docker/connect/explain.js';

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

describe('explainUnreachable: answers that are not an engine (issue 12)', () => {
	it('a web page is not a Docker engine, and its HTML is not quoted', () => {
		const error = toEngineError({statusCode: 404, json: '<!DOCTYPE html>\n<html><h1>Not Found</h1></html>'});
		assert.equal(error.code, 'ENOTDOCKER');
		const text = explainUnreachable(tcp, error);
		assert.match(text, /an HTTP server that is not a Docker engine answered \(HTTP 404, a web page\)/);
		assert.match(text, /Something answers at tcp:\/\/10\.0\.0\.5:2375, but it is not a Docker engine/);
		assert.doesNotMatch(text, /<html|ECONNREFUSED|check its logs/);
	});

	it('a path that is not a socket says so', () => {
		const error = new EngineError('unreachable', 'ENOTSOCK: /tmp/f is a regular file, not a socket', undefined, 'ENOTSOCK');
		const text = explainUnreachable(unix, error);
		assert.match(text, /is a regular file, not a socket\.\nGive the path of the engine's socket/);
		assert.doesNotMatch(text, /nothing is listening/);
	});

	it('a filter the engine refused is bad usage with the daemon’s words; other failures are not', () => {
		const refused = toEngineError({statusCode: 400, json: '{"message":"Invalid filter \'status=nonsense\'"}'});
		assert.equal(
			rejectedFilter(refused, {status: ['nonsense']}),
			"--filter: the engine refused it: Invalid filter 'status=nonsense'",
		);
		assert.equal(rejectedFilter(refused, {}), undefined);
		assert.equal(rejectedFilter(new EngineError('unreachable', 'ECONNREFUSED'), {status: ['x']}), undefined);
	});
});
