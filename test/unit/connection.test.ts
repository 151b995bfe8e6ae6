// How dockerode is pointed at each kind of endpoint (source/docker/connect/connection.ts). https is loaded
// only when a TLS engine asks for it (source/docker/node-builtins.ts): its agent must still be Node's own.
// The bare requests before dockerode go through an agent with no TLS server name, so Node never asks net.isIP.
import assert from 'node:assert/strict';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, describe, it} from 'node:test';
import {dockerodeOptions} from '../../source/docker/connect/connection.js';
import {getJson} from '../../source/docker/connect/raw-http.js';

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

	it('the bare requests before dockerode never make Node ask net.isIP about a server name', async () => {
		// The first ask compiles net's IPv6 expression: 15 ms of a start on a slow machine.
		const socketPath = path.join(folder, 'engine.sock');
		const server = http.createServer((_request, response) => {
			response.writeHead(200, {'content-type': 'application/json', 'api-version': '1.41'});
			response.end(JSON.stringify({Version: '99.0', ApiVersion: '1.41'}));
		});
		await new Promise<void>((resolve) => server.listen(socketPath, resolve));
		const isIP = net.isIP;
		const asked: string[] = [];
		net.isIP = (input: string) => {
			asked.push(input);
			return isIP(input);
		};
		const endpoint = {kind: 'unix', socketPath, url: `unix://${socketPath}`} as const;
		try {
			const raw = await getJson<{Version: string}>(endpoint, '/version');
			assert.equal(raw.body.Version, '99.0');
			assert.deepEqual(asked, []);
		} finally {
			net.isIP = isIP;
			server.closeAllConnections();
			await new Promise((resolve) => server.close(resolve));
		}
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
