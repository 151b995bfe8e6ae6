// What the details tabs print: secret-looking environment keys, diff kinds, inspect sections, and the
// mapping from the engine's inspect answer.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {toContainerInfo} from '../../source/docker/container-details.js';
import {
	changeKind,
	diffLines,
	envLine,
	envLines,
	inspectLines,
	looksSecret,
	maskedValue,
	parseEnv,
	topLines,
} from '../../source/state/details/container-info.js';

describe('looksSecret', () => {
	it('flags keys holding passwords, secrets, tokens, keys and credentials', () => {
		for (const key of [
			'DB_PASSWORD',
			'POSTGRES_PASSWORD',
			'MYSQL_ROOT_PASSWORD',
			'AWS_SECRET_ACCESS_KEY',
			'API_KEY',
			'APIKEY',
			'GITHUB_TOKEN',
			'dbPassword',
			'app.secret',
			'GOOGLE_APPLICATION_CREDENTIALS',
			'REDIS_PASS',
			'SENTRY_DSN',
			'JWT_PRIVATE_KEY',
			'SESSION_SECRET',
			'auth-token',
		]) {
			assert.ok(looksSecret(key), `${key} looks secret`);
		}
	});

	it('leaves ordinary keys alone, including ones that merely contain a secret word', () => {
		for (const key of [
			'PATH',
			'HOME',
			'HOSTNAME',
			'KEYBOARD_LAYOUT',
			'MONKEY',
			'PASSAGE',
			'TOKENIZER_MODE',
			'PWD',
			'LANG',
			'APP_MODE',
		]) {
			assert.ok(!looksSecret(key), `${key} is not secret`);
		}
	});
});

describe('env lines', () => {
	const env = parseEnv(['DB_PASSWORD=hunter2=yes', 'APP_MODE=demo', 'EMPTY_TOKEN=', 'FLAG']);

	it('splits at the first =', () => {
		assert.deepEqual(env[0], {key: 'DB_PASSWORD', value: 'hunter2=yes'});
		assert.deepEqual(env[3], {key: 'FLAG', value: ''});
	});

	it('masks secret values with a fixed width until revealed', () => {
		assert.equal(envLine(env[0]!, false), `DB_PASSWORD=${maskedValue}`);
		assert.equal(envLine(env[0]!, true), 'DB_PASSWORD=hunter2=yes');
		assert.equal(envLine(env[1]!, false), 'APP_MODE=demo');
		// Nothing to hide in an empty value, and masking it would suggest there is.
		assert.equal(envLine(env[2]!, false), 'EMPTY_TOKEN=');
		const lines = envLines(env, false);
		assert.equal(lines[0]!.tone, 'masked');
		assert.ok(!lines.some((line) => line.text.includes('hunter2')));
	});
});

describe('diff', () => {
	it('maps the engine’s kinds to docker diff’s letters', () => {
		assert.equal(changeKind(0), 'C');
		assert.equal(changeKind(1), 'A');
		assert.equal(changeKind(2), 'D');
		assert.equal(changeKind(7), 'C');
	});

	it('prints one line per change, coloured by kind, or says there are none', () => {
		assert.deepEqual(
			diffLines([
				{kind: 'C', path: '/etc'},
				{kind: 'A', path: '/etc/new'},
				{kind: 'D', path: '/etc/old'},
			]).map((line) => [line.text, line.tone]),
			[
				['C /etc', 'changed'],
				['A /etc/new', 'added'],
				['D /etc/old', 'deleted'],
			],
		);
		assert.match(diffLines([])[0]!.text, /No changes/);
	});
});

describe('toContainerInfo', () => {
	const api = {
		Id: 'f'.repeat(64),
		Name: '/web',
		Created: '2026-11-23T18:00:00.000Z',
		Path: 'nginx',
		Args: ['-g', 'daemon off;'],
		Image: 'sha256:' + 'a'.repeat(64),
		State: {
			Status: 'running',
			Running: true,
			Pid: 42,
			ExitCode: 0,
			StartedAt: '2026-11-23T18:00:01Z',
			FinishedAt: '0001-01-01T00:00:00Z',
		},
		Config: {
			Image: 'nginx:1.27',
			Env: ['API_TOKEN=abc', 'PORT=80'],
			Tty: false,
			OpenStdin: false,
			Labels: {team: 'web'},
			ExposedPorts: {'80/tcp': {}, '443/tcp': {}},
		},
		HostConfig: {NetworkMode: 'bridge', RestartPolicy: {Name: 'always'}},
		NetworkSettings: {
			Ports: {'80/tcp': [{HostIp: '0.0.0.0', HostPort: '8080'}], '443/tcp': null},
			Networks: {bridge: {IPAddress: '172.17.0.2', Gateway: '172.17.0.1', MacAddress: '02:42:ac:11:00:02'}},
		},
		Mounts: [
			{Type: 'volume', Name: 'data', Source: '/var/lib/docker/volumes/data/_data', Destination: '/data', Mode: 'z', RW: true},
			{Type: 'bind', Source: '/etc/app', Destination: '/config', Mode: '', RW: false},
		],
	};
	const info = toContainerInfo(api);

	it('reads ports per protocol, published or not', () => {
		assert.deepEqual(info.ports, [{container: '80/tcp', host: '0.0.0.0:8080'}, {container: '443/tcp'}]);
	});

	it('reads mounts with volume names and the access mode', () => {
		assert.deepEqual(info.mounts, [
			{type: 'volume', source: 'data', destination: '/data', mode: 'rw,z'},
			{type: 'bind', source: '/etc/app', destination: '/config', mode: 'ro'},
		]);
	});

	it('lays inspect out as titled sections, and the raw JSON on request', () => {
		const text = inspectLines(info, false).map((line) => line.text);
		assert.ok(text.includes('Container'));
		assert.ok(text.some((line) => /Command\s+nginx -g daemon off;/.test(line)));
		assert.ok(
			text.some((line) => /Finished\s+—/.test(line)),
			'Go’s zero time reads as never',
		);
		assert.ok(text.some((line) => /bridge\s+ip 172\.17\.0\.2/.test(line)));
		const raw = inspectLines(info, true).map((line) => line.text);
		assert.equal(JSON.parse(raw.join('\n')).Id, api.Id);
	});

	it('lays top out as aligned columns', () => {
		const lines = topLines(
			{
				titles: ['PID', 'CMD'],
				processes: [
					['1', 'nginx'],
					['12345', 'worker'],
				],
			},
			80,
		);
		assert.deepEqual(
			lines.map((line) => line.text),
			['PID    CMD', '1      nginx', '12345  worker'],
		);
		assert.equal(lines[0]!.tone, 'heading');
	});
});
