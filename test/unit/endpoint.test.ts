// Engine selection the docker CLI's way: the precedence matrix of flags × environment × context files
// (written to a temporary HOME), TLS material from DOCKER_CERT_PATH or the context, ssh settings
// from ~/.ssh/config, and the TLS options handed to the HTTPS agent.
import assert from 'node:assert/strict';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, before, describe, it} from 'node:test';
import {
	contextId,
	EndpointError,
	listContexts,
	parseEndpoint,
	selectEngine,
	type Environment,
	type SelectOptions,
} from '../../source/docker/connect/endpoint.js';
import {tlsOptions} from '../../source/docker/connect/connection.js';
import {parseSshConfig} from '../../source/docker/ssh/ssh-config.js';
import {sshConnectConfig} from '../../source/docker/ssh/channel-pool.js';

let home: string;

function writeContext(name: string, host: string, options: {tls?: boolean; skipVerify?: boolean} = {}): void {
	const docker = path.join(home, '.docker');
	const meta = path.join(docker, 'contexts', 'meta', contextId(name));
	mkdirSync(meta, {recursive: true});
	writeFileSync(
		path.join(meta, 'meta.json'),
		JSON.stringify({
			Name: name,
			Metadata: {Description: `${name} engine`},
			Endpoints: {docker: {Host: host, SkipTLSVerify: options.skipVerify ?? false}},
		}),
	);
	if (options.tls) {
		const tls = path.join(docker, 'contexts', 'tls', contextId(name), 'docker');
		mkdirSync(tls, {recursive: true});
		for (const file of ['ca.pem', 'cert.pem', 'key.pem']) writeFileSync(path.join(tls, file), `${name} ${file}`);
	}
}

before(() => {
	home = mkdtempSync(path.join(os.tmpdir(), 'dockpit-endpoint-'));
	writeContext('remote', 'ssh://deploy@build-box:2200');
	writeContext('secure', 'tcp://secure.example:2376', {tls: true});
	writeContext('lax', 'tcp://lax.example:2376', {tls: true, skipVerify: true});
	writeContext('current', 'tcp://current.example:2375');
	writeFileSync(path.join(home, '.docker', 'config.json'), JSON.stringify({currentContext: 'current'}));
	mkdirSync(path.join(home, '.ssh'));
	writeFileSync(
		path.join(home, '.ssh', 'config'),
		[
			'Host build-box',
			'  IdentityFile ~/.ssh/build_key',
			'  User ignored-because-url-has-one',
			'',
			'Host *',
			'  IdentityFile ~/.ssh/other',
		].join('\n'),
	);
});

after(() => rmSync(home, {recursive: true, force: true}));

const env = (variables: NodeJS.ProcessEnv = {}, configFile = true): Environment => ({
	env: variables,
	home: configFile ? home : path.join(home, 'nowhere'),
});

const select = (options: SelectOptions, variables: NodeJS.ProcessEnv = {}, configFile = true) =>
	selectEngine(options, env(variables, configFile));

describe('engine precedence', () => {
	// Each row: flags, environment, whether ~/.docker/config.json names a current context → the url, context and source.
	const matrix: Array<[string, SelectOptions, NodeJS.ProcessEnv, boolean, string, string | undefined, string]> = [
		['nothing at all', {}, {}, false, 'unix:///var/run/docker.sock', undefined, 'default'],
		['currentContext in config.json', {}, {}, true, 'tcp://current.example:2375', 'current', 'docker config'],
		[
			'DOCKER_CONTEXT over config.json',
			{},
			{DOCKER_CONTEXT: 'remote'},
			true,
			'ssh://deploy@build-box:2200',
			'remote',
			'DOCKER_CONTEXT',
		],
		[
			'DOCKER_HOST over DOCKER_CONTEXT',
			{},
			{DOCKER_HOST: 'tcp://env:2375', DOCKER_CONTEXT: 'remote'},
			true,
			'tcp://env:2375',
			undefined,
			'DOCKER_HOST',
		],
		[
			'--context over DOCKER_HOST',
			{context: 'remote'},
			{DOCKER_HOST: 'tcp://env:2375'},
			true,
			'ssh://deploy@build-box:2200',
			'remote',
			'flag --context',
		],
		[
			'--host over everything',
			{host: 'unix:///flag.sock'},
			{DOCKER_HOST: 'tcp://env:2375', DOCKER_CONTEXT: 'remote'},
			true,
			'unix:///flag.sock',
			undefined,
			'flag --host',
		],
		[
			'--context default means DOCKER_HOST',
			{context: 'default'},
			{DOCKER_HOST: 'tcp://env:2375'},
			true,
			'tcp://env:2375',
			undefined,
			'DOCKER_HOST',
		],
		[
			'DOCKER_CONTEXT=default skips config.json',
			{},
			{DOCKER_CONTEXT: 'default'},
			true,
			'unix:///var/run/docker.sock',
			undefined,
			'default',
		],
	];
	for (const [name, options, variables, configFile, url, context, source] of matrix) {
		it(name, () => {
			const selection = select(options, variables, configFile);
			assert.deepEqual([selection.endpoint.url, selection.context, selection.source], [url, context, source]);
		});
	}

	it('refuses --host with --context, and names the contexts that exist', () => {
		assert.throws(() => select({host: 'tcp://a:2375', context: 'remote'}), /cannot be used together/);
		assert.throws(
			() => select({context: 'missing'}),
			(error: unknown) => error instanceof EndpointError && /known: default, current, lax, remote, secure/.test(error.message),
		);
	});

	it('reads DOCKER_CONFIG instead of ~/.docker', () => {
		const selection = selectEngine({}, {env: {DOCKER_CONFIG: path.join(home, '.docker')}, home: '/nonexistent'});
		assert.equal(selection.context, 'current');
	});

	it('lists the stored contexts by name', () => {
		assert.deepEqual(
			listContexts(env()).map((context) => [context.name, context.host]),
			[
				['current', 'tcp://current.example:2375'],
				['lax', 'tcp://lax.example:2376'],
				['remote', 'ssh://deploy@build-box:2200'],
				['secure', 'tcp://secure.example:2376'],
			],
		);
	});
});

describe('TLS', () => {
	it('takes a context’s TLS material, verifying unless SkipTLSVerify', () => {
		const secure = select({context: 'secure'}).endpoint;
		assert.ok(secure.kind === 'tcp' && secure.tls);
		assert.equal(secure.tls.verify, true);
		assert.equal(secure.tls.ca, path.join(home, '.docker', 'contexts', 'tls', contextId('secure'), 'docker', 'ca.pem'));
		const lax = select({context: 'lax'}).endpoint;
		assert.ok(lax.kind === 'tcp' && lax.tls);
		assert.equal(lax.tls.verify, false);
	});

	it('DOCKER_TLS_VERIFY with DOCKER_CERT_PATH, defaulting the port to 2376', () => {
		const certs = path.join(home, '.docker', 'contexts', 'tls', contextId('secure'), 'docker');
		const endpoint = parseEndpoint('tcp://engine.example', env({DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: certs}));
		assert.ok(endpoint.kind === 'tcp' && endpoint.tls);
		assert.deepEqual([endpoint.port, endpoint.tls.verify, endpoint.tls.cert], [2376, true, path.join(certs, 'cert.pem')]);
	});

	it('DOCKER_TLS alone encrypts without verifying; plain tcp has no TLS', () => {
		const endpoint = parseEndpoint('tcp://engine.example:2375', env({DOCKER_TLS: '1'}));
		assert.ok(endpoint.kind === 'tcp' && endpoint.tls);
		assert.equal(endpoint.tls.verify, false);
		const plain = parseEndpoint('tcp://engine.example:2375', env({DOCKER_TLS_VERIFY: ''}));
		assert.equal(plain.kind === 'tcp' && plain.tls, undefined);
	});

	it('builds the agent options from the files', () => {
		const read = (file: string) => Buffer.from(`<${path.basename(file)}>`);
		const options = tlsOptions({verify: false, ca: '/c/ca.pem', cert: '/c/cert.pem', key: '/c/key.pem'}, read);
		assert.deepEqual(
			[options.ca?.toString(), options.cert?.toString(), options.key?.toString(), options.rejectUnauthorized],
			['<ca.pem>', '<cert.pem>', '<key.pem>', false],
		);
		assert.equal(tlsOptions({verify: true}, read).rejectUnauthorized, true);
	});
});

describe('ssh', () => {
	it('takes IdentityFile from ~/.ssh/config for the host; --identity wins', () => {
		const endpoint = select({host: 'ssh://deploy@build-box'}).endpoint;
		assert.ok(endpoint.kind === 'ssh');
		assert.deepEqual(
			[endpoint.username, endpoint.port, endpoint.identityFile],
			['deploy', 22, path.join(home, '.ssh', 'build_key')],
		);
		const flagged = select({host: 'ssh://deploy@build-box', identity: '~/keys/mine'}).endpoint;
		assert.equal(flagged.kind === 'ssh' && flagged.identityFile, path.join(home, 'keys', 'mine'));
	});

	it('parses ssh_config: first match wins, wildcards, negation, HostName and Port', () => {
		const text = [
			'Host *.internal !bastion.internal',
			'  HostName %h.example.com',
			'  Port 2022',
			'Host db*',
			'  User dba',
			'Host *',
			'  User everyone',
			'  Port 22',
		].join('\n');
		assert.deepEqual(parseSshConfig(text, 'db1.internal', '/h'), {hostName: 'db1.internal.example.com', port: 2022, user: 'dba'});
		assert.deepEqual(parseSshConfig(text, 'bastion.internal', '/h'), {user: 'everyone', port: 22});
	});

	it('authenticates with the agent and the identity file together', () => {
		const keyFile = path.join(home, 'id_test');
		writeFileSync(keyFile, 'PRIVATE KEY');
		const endpoint = parseEndpoint('ssh://root@127.0.0.1:2222', env(), {identity: keyFile});
		assert.ok(endpoint.kind === 'ssh');
		const config = sshConnectConfig(endpoint, {SSH_AUTH_SOCK: '/tmp/agent.sock'}, home);
		assert.deepEqual(
			[config.host, config.port, config.username, config.agent, config.privateKey?.toString()],
			['127.0.0.1', 2222, 'root', '/tmp/agent.sock', 'PRIVATE KEY'],
		);
		const missing = parseEndpoint('ssh://root@127.0.0.1', env(), {identity: path.join(home, 'absent')});
		assert.ok(missing.kind === 'ssh');
		assert.throws(() => sshConnectConfig(missing, {}, home), /cannot read the identity file .*absent \(ENOENT\)/);
	});
});
