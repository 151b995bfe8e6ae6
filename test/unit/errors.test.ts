// Engine failures as values: the kind, and the daemon's or the OS's own words.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {EngineError, toEngineError} from '../../source/docker/errors.js';

/** An error shaped like docker-modem's: message, statusCode, reason and the parsed (or raw) body. */
function modemError(statusCode: number, json: unknown, reason = 'server error'): Error {
	return Object.assign(new Error(`(HTTP code ${statusCode}) ${reason} - ...`), {statusCode, reason, json});
}

/** An error shaped like Node's net errors. */
function osError(code: string, message: string): Error {
	return Object.assign(new Error(message), {code, errno: -2, syscall: 'connect', address: '/var/run/docker.sock'});
}

describe('toEngineError: daemon answers', () => {
	it('takes the message from a JSON body', () => {
		const error = toEngineError(modemError(404, {message: 'No such container: web'}, 'no such container'));
		assert.ok(error instanceof EngineError);
		assert.deepEqual([error.kind, error.message, error.statusCode], ['not-found', 'No such container: web', 404]);
	});

	it('takes the message from a Buffer body holding JSON', () => {
		const body = Buffer.from('{"message":"Conflict. The container name \\"/web\\" is already in use"}\n');
		const error = toEngineError(modemError(409, body, 'conflict'));
		assert.deepEqual([error.kind, error.message], ['conflict', 'Conflict. The container name "/web" is already in use']);
	});

	it('takes a Buffer or string body that is plain text as it is', () => {
		assert.equal(toEngineError(modemError(500, Buffer.from('page not found\n'))).message, 'page not found');
		assert.equal(toEngineError(modemError(500, '  oops  ')).message, 'oops');
	});

	it('a 304 means not modified (already started, already stopped)', () => {
		const error = toEngineError(modemError(304, Buffer.alloc(0), 'container already started'));
		assert.deepEqual([error.kind, error.message, error.statusCode], ['not-modified', 'container already started', 304]);
	});

	it('falls back to the reason, then to the status code', () => {
		assert.equal(toEngineError(modemError(409, null, 'conflict')).message, 'conflict');
		assert.equal(toEngineError(Object.assign(new Error('x'), {statusCode: 502})).message, 'HTTP 502');
	});

	it('kinds by status', () => {
		const kinds = [400, 401, 403, 404, 409, 500].map((status) => toEngineError(modemError(status, {message: 'm'})).kind);
		assert.deepEqual(kinds, ['invalid', 'forbidden', 'forbidden', 'not-found', 'conflict', 'daemon']);
	});
});

describe('toEngineError: the connection', () => {
	it('ENOENT: the socket does not exist', () => {
		const error = toEngineError(osError('ENOENT', 'connect ENOENT /var/run/docker.sock'));
		assert.deepEqual([error.kind, error.code, error.message], ['unreachable', 'ENOENT', 'ENOENT: the socket does not exist']);
		assert.equal(error.statusCode, undefined);
	});

	it('ECONNREFUSED: nothing is listening', () => {
		const error = toEngineError(osError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:2375'));
		assert.deepEqual([error.kind, error.message], ['unreachable', 'ECONNREFUSED: nothing is listening there']);
	});

	it('EACCES: permission denied is forbidden, not unreachable', () => {
		const error = toEngineError(osError('EACCES', 'connect EACCES /var/run/docker.sock'));
		assert.deepEqual([error.kind, error.message], ['forbidden', 'EACCES: permission denied']);
	});

	it('an OS code it has no words for keeps the original message', () => {
		assert.equal(toEngineError(osError('EPIPE', 'write EPIPE')).message, 'EPIPE: write EPIPE');
	});
});

describe('toEngineError: anything else', () => {
	it('passes an EngineError through unchanged', () => {
		const original = new EngineError('conflict', 'x', 409);
		assert.equal(toEngineError(original), original);
	});

	it('wraps plain errors and non-errors as daemon errors', () => {
		assert.deepEqual([toEngineError(new Error('boom')).kind, toEngineError(new Error('boom')).message], ['daemon', 'boom']);
		assert.equal(toEngineError('just text').message, 'just text');
		assert.equal(toEngineError(undefined).message, 'undefined');
		assert.equal(toEngineError({}).message, 'unknown error');
	});
});
