// How dockerode is pointed at each kind of endpoint (source/docker/connect/connection.ts). https is loaded
// only when a TLS engine asks for it (source/docker/node-builtins.ts): its agent must still be Node's own.
import assert from 'node:assert/strict';
import https from 'node:https';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, describe, it} from 'node:test';
import {dockerodeOptions} from '../../source/docker/connect/connection.js';

const folder = mkdtempSync(path.join(os.tmpdir(), 'dockpit-connection-'));
after(() => rmSync(folder, {recursive: true, force: true}));

describe('dockerode options for an endpoint', () => {
	it('a unix socket is its path', () => {
		assert.deepEqual(dockerodeOptions({kind: 'unix', socketPath: '/run/x.sock', url: 'unix:///run/x.sock'}), {
			socketPath: '/run/x.sock',
		});
	});

	it('plain tcp is http, with no agent', () => {
		assert.deepEqual(dockerodeOptions({kind: 'tcp', host: 'box', port: 2375, url: 'tcp://box:2375'}), {
			host: 'box',
			port: 2375,
			protocol: 'http',
		});
	});

	it('TLS tcp is https through an https.Agent holding the files, checking the certificate as asked', () => {
		const ca = path.join(folder, 'ca.pem');
		writeFileSync(ca, 'not really a certificate');
		for (const verify of [true, false]) {
			const options = dockerodeOptions({kind: 'tcp', host: 'box', port: 2376, tls: {verify, ca}, url: 'tcp://box:2376'});
			assert.equal(options.protocol, 'https');
			assert.ok(options.agent instanceof https.Agent, 'an https.Agent');
			const agentOptions = (options.agent as https.Agent & {options: https.AgentOptions}).options;
			assert.equal(agentOptions.rejectUnauthorized, verify);
			assert.equal(String(agentOptions.ca), 'not really a certificate');
			assert.equal(agentOptions.checkServerIdentity === undefined, verify, 'the host name is checked only when verifying');
		}
	});
});
