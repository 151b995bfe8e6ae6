// Issue 14, items 7–11 and 13–14, as a user meets them: the built CLI in a real pty against the real engine.
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {CLI_PATH} from '../helpers/pty.js';
import {engineSuite, it} from '../helpers/engine.js';

const run = (...args: string[]) => spawnSync(CLI_PATH, args, {encoding: 'utf8', timeout: 30_000});

engineSuite('short flags (item 14)', () => {
	it('-h prints the usage and exits 0, as --help does', () => {
		const short = run('-h');
		assert.equal(short.status, 0, short.stderr);
		assert.match(short.stdout, /Usage\n\s+\$ dockpit \[options\]/);
		assert.equal(short.stdout, run('--help').stdout);
		// Beside another flag too, where meow's own --help handling does not look.
		assert.equal(run('--read-only', '-h').stdout, short.stdout);
	});

	it('-v prints the version and the engine, as --version does', () => {
		const short = run('-v');
		assert.equal(short.status, 0, short.stderr);
		assert.match(short.stdout, /^dockpit \d+\.\d+\.\d+\nDocker Engine /);
		assert.equal(short.stdout, run('--version').stdout);
		assert.doesNotMatch(short.stderr, /Unknown flag/);
	});
});
