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
import {maskCredentials} from '../../source/state/details/secrets.js';

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

describe('wider secrets (issue 12)', () => {
	it('flags PGPASS, PASSPHRASE, JWT, STRIPE_SK and every *_SK', () => {
		for (const key of ['PGPASS', 'GPG_PASSPHRASE', 'SSH_KEY_PASSPHRASE', 'JWT', 'JWT_SIGNING', 'STRIPE_SK', 'AWS_SK']) {
			assert.ok(looksSecret(key), `${key} looks secret`);
		}

		for (const key of ['DISK', 'TASK_COUNT', 'SKIP_TESTS', 'PGHOST']) assert.ok(!looksSecret(key), `${key} is not secret`);
	});

	it('masks credentials in URLs whatever the variable is called, and keeps the rest readable', () => {
		assert.equal(maskCredentials('postgres://u:s3cr3t@h/db'), `postgres://u:${maskedValue}@h/db`);
		assert.equal(maskCredentials('redis://:pw@cache:6379/0'), `redis://:${maskedValue}@cache:6379/0`);
		assert.equal(
			maskCredentials('a amqp://x:y@q and https://k:v@w'),
			`a amqp://x:${maskedValue}@q and https://k:${maskedValue}@w`,
		);
		for (const plain of ['https://example.com:8443/path', 'http://host:80/a@b', 'me@example.com', 'x=1']) {
			assert.equal(maskCredentials(plain), plain);
		}
	});

	it('masks secret-looking key=value pairs: connection strings, flags and shell snippets', () => {
		assert.equal(maskCredentials('Server=x;Password=p;Database=d'), `Server=x;Password=${maskedValue};Database=d`);
		assert.equal(maskCredentials('Server=x; Pwd = p ;'), `Server=x; Pwd = ${maskedValue} ;`);
		assert.equal(maskCredentials('AccountName=a;AccountKey=k=='), `AccountName=a;AccountKey=${maskedValue}`);
		assert.equal(maskCredentials('app --db-password=pw --port=80'), `app --db-password=${maskedValue} --port=80`);
		assert.equal(maskCredentials('export API_TOKEN=t; run'), `export API_TOKEN=${maskedValue}; run`);
	});

	it('applies to env lines whatever the key, with the masked tone', () => {
		const env = parseEnv(['DATABASE_URL=postgres://u:s3cr3t@h/db', 'CONN_STRING=Server=x;Password=p', 'PGPASS=pw', 'MODE=x']);
		const lines = envLines(env, false);
		assert.deepEqual(
			lines.map((line) => line.text),
			[
				`DATABASE_URL=postgres://u:${maskedValue}@h/db`,
				`CONN_STRING=Server=x;Password=${maskedValue}`,
				`PGPASS=${maskedValue}`,
				'MODE=x',
			],
		);
		assert.deepEqual(
			lines.map((line) => line.tone),
			['masked', 'masked', 'masked', undefined],
		);
		assert.equal(envLines(env, true)[0]!.text, 'DATABASE_URL=postgres://u:s3cr3t@h/db');
	});

	it('masks inspect sections and the raw JSON until revealed', () => {
		const info = toContainerInfo({
			Id: 'a',
			Path: 'app',
			Args: ['--url', 'mysql://root:rootpw@db/x'],
			Config: {Env: ['JWT=eyJhbGc', 'PLAIN=1'], Labels: {'app.secret': 'lbl', url: 'http://a:b@c'}},
		});
		const sections = inspectLines(info, false)
			.map((line) => line.text)
			.join('\n');
		assert.ok(!/rootpw|lbl|:b@/.test(sections), sections);
		assert.match(sections, /mysql:\/\/root:••••••••@db\/x/);
		const raw = inspectLines(info, true)
			.map((line) => line.text)
			.join('\n');
		assert.ok(!/rootpw|lbl|eyJhbGc|:b@/.test(raw), raw);
		assert.match(raw, /"PLAIN=1"/);
		assert.match(raw, /"app\.secret": "••••••••"/);
		const revealed = inspectLines(info, true, true)
			.map((line) => line.text)
			.join('\n');
		assert.match(revealed, /"JWT=eyJhbGc"/);
		assert.match(
			inspectLines(info, false, true)
				.map((line) => line.text)
				.join('\n'),
			/rootpw/,
		);
	});
});
