// Basic DOCKER_HOST-style addresses. (Contexts and TLS are endpoint.ts's owner's tests.)
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {EndpointError, parseEndpoint} from '../../source/docker/connect/endpoint.js';

const environment = {env: {}, home: '/nonexistent-home'};
const parse = (address: string) => parseEndpoint(address, environment);

describe('parseEndpoint basics', () => {
	it('unix:// and a bare path', () => {
		assert.deepEqual(parse('unix:///var/run/docker.sock'), {
			kind: 'unix',
			socketPath: '/var/run/docker.sock',
			url: 'unix:///var/run/docker.sock',
		});
		assert.deepEqual(parse('/run/user/1000/docker.sock'), {
			kind: 'unix',
			socketPath: '/run/user/1000/docker.sock',
			url: 'unix:///run/user/1000/docker.sock',
		});
	});

	it('tcp:// with and without a port', () => {
		const explicit = parse('tcp://10.0.0.5:2380');
		assert.equal(explicit.kind, 'tcp');
		if (explicit.kind !== 'tcp') return;
		assert.deepEqual(
			[explicit.host, explicit.port, explicit.url, explicit.tls],
			['10.0.0.5', 2380, 'tcp://10.0.0.5:2380', undefined],
		);
		const implicit = parse('tcp://engine.local');
		assert.deepEqual(implicit.kind === 'tcp' && [implicit.port, implicit.url], [2375, 'tcp://engine.local:2375']);
	});

	it('ssh:// with a user and a port', () => {
		const endpoint = parse('ssh://me@box.example:2222');
		assert.equal(endpoint.kind, 'ssh');
		if (endpoint.kind !== 'ssh') return;
		assert.deepEqual([endpoint.username, endpoint.host, endpoint.port], ['me', 'box.example', 2222]);
		assert.equal(endpoint.url, 'ssh://me@box.example:2222');
	});

	it('rejects what is not an address, or a scheme it does not speak', () => {
		assert.throws(() => parse('not an address'), EndpointError);
		assert.throws(
			() => parse('ftp://host'),
			(error: unknown) => error instanceof EndpointError && /unsupported scheme ftp/.test(error.message),
		);
	});
});
