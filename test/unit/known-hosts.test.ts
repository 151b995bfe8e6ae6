// The SSH host key check: plain, wildcard and hashed known_hosts entries, non-standard ports,
// changed and revoked keys, and StrictHostKeyChecking for hosts not listed.
import assert from 'node:assert/strict';
import {createHmac} from 'node:crypto';
import {describe, it} from 'node:test';
import {hostKeyCheck, keysFor, knownHostName} from '../../source/docker/ssh/known-hosts.js';

const key = (fill: number) => Buffer.alloc(51, fill);
const b64 = (fill: number) => key(fill).toString('base64');
const hashed = (name: string) => {
	const salt = Buffer.alloc(20, 9);
	return `|1|${salt.toString('base64')}|${createHmac('sha1', salt).update(name).digest('base64')}`;
};

const check = (text: string, host: string, port = 22, strict?: string) =>
	hostKeyCheck({host, port, home: '/home/me', strict, read: (file) => (file === '/home/me/.ssh/known_hosts' ? text : '')});

describe('known_hosts', () => {
	it('names hosts the way ssh writes them', () => {
		assert.equal(knownHostName('box', 22), 'box');
		assert.equal(knownHostName('127.0.0.1', 2222), '[127.0.0.1]:2222');
	});

	it('finds plain, wildcard, negated and hashed entries', () => {
		const text = [
			`box,10.0.0.5 ssh-ed25519 ${b64(1)}`,
			`*.internal,!secret.internal ssh-ed25519 ${b64(2)}`,
			`${hashed('[127.0.0.1]:2222')} ssh-ed25519 ${b64(3)}`,
			`@revoked box ssh-ed25519 ${b64(4)}`,
			`[10.0.0.9]:2200 ssh-ed25519 ${b64(6)}`,
			`# comment ssh-ed25519 ${b64(5)}`,
		].join('\n');
		assert.deepEqual(keysFor(text, 'box'), {keys: [key(1)], revoked: [key(4)]});
		assert.deepEqual(keysFor(text, 'db.internal').keys, [key(2)]);
		assert.deepEqual(keysFor(text, 'secret.internal').keys, []);
		assert.deepEqual(keysFor(text, '[127.0.0.1]:2222').keys, [key(3)]);
		assert.deepEqual(keysFor(text, '[10.0.0.9]:2200').keys, [key(6)]);
		assert.deepEqual(keysFor(text, '1').keys, [], 'brackets are not a character class');
	});

	it('accepts the listed key, refuses a changed, revoked or unlisted one with the reason', () => {
		const text = `box ssh-ed25519 ${b64(1)}\n@revoked box ssh-ed25519 ${b64(4)}\n`;
		const listed = check(text, 'box');
		assert.equal(listed.verify(key(1)), true);
		assert.equal(listed.problem(), undefined);
		const changed = check(text, 'box');
		assert.equal(changed.verify(key(2)), false);
		assert.match(changed.problem() ?? '', /host key of box does not match .*ssh-keygen -R "box"/);
		const revoked = check(text, 'box');
		assert.equal(revoked.verify(key(4)), false);
		assert.match(revoked.problem() ?? '', /@revoked/);
		const unknown = check(text, 'other', 2200);
		assert.equal(unknown.verify(key(1)), false);
		assert.match(
			unknown.problem() ?? '',
			/\[other\]:2200 is not in \/home\/me\/\.ssh\/known_hosts: connect once with ssh \(ssh -p 2200 other\)/,
		);
	});

	it('lets an unlisted host in only when StrictHostKeyChecking says so, never a changed key', () => {
		assert.equal(check('', 'other', 22, 'accept-new').verify(key(1)), true);
		assert.equal(check('', 'other', 22, 'no').verify(key(1)), true);
		assert.equal(check('', 'other', 22, 'yes').verify(key(1)), false);
		assert.equal(check(`other ssh-ed25519 ${b64(1)}`, 'other', 22, 'no').verify(key(2)), false);
	});
});
