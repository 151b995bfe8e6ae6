// The crash log: where it goes (pure), and that writing it never follows a symlink another user placed.
import assert from 'node:assert/strict';
import {
	lstatSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	readdirSync,
	rmSync,
	statSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, describe, it} from 'node:test';
import {crashLogLocation, writeCrashLog} from '../../source/app/crash-log.js';

const when = new Date('2026-12-01T20:00:00.000Z');

describe('crashLogLocation', () => {
	it('uses $XDG_STATE_HOME/dockpit with a name unique to the process and moment', () => {
		assert.deepEqual(crashLogLocation({XDG_STATE_HOME: '/s', HOME: '/h'}, 42, when), {
			directory: '/s/dockpit',
			file: '/s/dockpit/crash-2026-12-01T20-00-00.000Z-42.log',
		});
	});

	it('falls back to ~/.local/state/dockpit, also when XDG_STATE_HOME is relative', () => {
		assert.equal(crashLogLocation({HOME: '/h'}, 1, when)?.directory, '/h/.local/state/dockpit');
		assert.equal(crashLogLocation({XDG_STATE_HOME: 'rel', HOME: '/h'}, 1, when)?.directory, '/h/.local/state/dockpit');
	});

	it('gives nothing without an absolute directory, and never the shared temporary directory', () => {
		assert.equal(crashLogLocation({}, 1, when), undefined);
		assert.equal(crashLogLocation({HOME: 'h'}, 1, when), undefined);
		assert.doesNotMatch(crashLogLocation({HOME: '/h'}, 1, when)!.file, new RegExp(os.tmpdir()));
	});
});

describe('writeCrashLog', () => {
	const root = mkdtempSync(path.join(os.tmpdir(), 'dockpit-crash-test-'));
	after(() => rmSync(root, {recursive: true, force: true}));
	const fresh = (name: string) => {
		const dir = path.join(root, name);
		mkdirSync(dir);
		const victim = path.join(dir, 'victim');
		writeFileSync(victim, 'precious\n');
		return {dir, victim};
	};

	it('does not follow a symlink placed at the old fixed path, and writes 0600 under the state directory', () => {
		const {dir, victim} = fresh('old-path');
		const tmp = path.join(dir, 'tmp');
		mkdirSync(tmp);
		symlinkSync(victim, path.join(tmp, 'dockpit-crash.log'));
		const saved = process.env['TMPDIR'];
		process.env['TMPDIR'] = tmp;
		try {
			const file = writeCrashLog('boom\n', {XDG_STATE_HOME: path.join(dir, 'state')}) ?? assert.fail('no crash log written');
			assert.equal(readFileSync(victim, 'utf8'), 'precious\n');
			assert.ok(file?.startsWith(path.join(dir, 'state', 'dockpit') + path.sep), file);
			assert.equal(readFileSync(file, 'utf8'), 'boom\n');
			assert.equal(statSync(file).mode & 0o777, 0o600);
			assert.equal(statSync(path.dirname(file)).mode & 0o777, 0o700);
		} finally {
			if (saved === undefined) delete process.env['TMPDIR'];
			else process.env['TMPDIR'] = saved;
		}
	});

	it('refuses a state directory that is a symlink', () => {
		const {dir, victim} = fresh('linked-dir');
		const elsewhere = path.join(dir, 'elsewhere');
		mkdirSync(elsewhere);
		mkdirSync(path.join(dir, 'state'));
		symlinkSync(elsewhere, path.join(dir, 'state', 'dockpit'));
		assert.equal(writeCrashLog('boom\n', {XDG_STATE_HOME: path.join(dir, 'state')}), undefined);
		assert.deepEqual(readdirSync(elsewhere), []);
		assert.equal(readFileSync(victim, 'utf8'), 'precious\n');
		assert.ok(lstatSync(path.join(dir, 'state', 'dockpit')).isSymbolicLink());
	});
});
