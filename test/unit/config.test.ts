// The config file: validation messages that name the bad key, layering with sources (--print-config),
// key remapping onto the one key table, and the settings read from a temporary XDG_CONFIG_HOME.
import assert from 'node:assert/strict';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, before, describe, it} from 'node:test';
import {ConfigError, defaultConfig, mergeConfig, printConfig, validateConfig} from '../../source/state/settings/config.js';
import {remapBindings} from '../../source/state/settings/key-remap.js';
import {createKeyMap, defaultBindings} from '../../source/state/input/keymap.js';
import {helpLines} from '../../source/state/input/key-text.js';
import {CONFIG_SIZE_CAP, loadSettings, readConfigFile} from '../../source/session/settings.js';

const invalid = (json: unknown, pattern: RegExp) =>
	assert.throws(
		() => validateConfig(json, 'config.json'),
		(error: unknown) => error instanceof ConfigError && pattern.test(error.message),
	);

describe('config validation', () => {
	it('accepts every documented key', () => {
		const config = {
			readOnly: true,
			keys: {stop: 'x', quit: ['q', 'ctrl+d']},
			theme: {base: 'high-contrast', cyan: 'magenta'},
			logTail: 500,
			timeFormat: 'iso',
			sort: 'name',
			sortDescending: true,
			color: false,
			ascii: true,
		};
		assert.deepEqual(validateConfig(config, 'config.json'), {...config, keys: {stop: ['x'], quit: ['q', 'ctrl+d']}});
	});

	it('names the bad key and what it should be', () => {
		invalid({readonly: true}, /config\.json: unknown key "readonly" \(known: readOnly, keys/);
		invalid({readOnly: 'yes'}, /"readOnly" must be true or false, not "yes"/);
		invalid({logTail: -3}, /"logTail" must be a whole number of lines from 1 to 100000, not -3/);
		invalid({sort: 'size'}, /"sort" must be one of "state", "name", "image", "created", "cpu", "memory", "engine", not "size"/);
		invalid({timeFormat: 12}, /"timeFormat" must be one of "relative", "local", "iso", not 12/);
		invalid({theme: 'solarized'}, /"theme" must be one of "default", "high-contrast", "mono"/);
		invalid({theme: {cyan: 'teal'}}, /"theme\.cyan" must be a colour name/);
		invalid({theme: {purple: 'red'}}, /"theme\.purple" is not a colour to replace/);
		invalid({keys: {stop: 'F5'}}, /"keys\.stop": "F5" is not a key/);
		invalid({keys: {stop: 5}}, /"keys\.stop" must be a key or a list of keys, not 5/);
		invalid({keys: []}, /"keys" must be an object/);
		invalid([], /must be a JSON object, not a list/);
	});

	it('reports every problem at once', () => {
		assert.throws(
			() => validateConfig({readOnly: 1, sort: 'x'}, 'c'),
			(error: Error) => error.message.split('\n').length === 2,
		);
	});
});

describe('layers and sources', () => {
	it('later layers win and each value remembers where it came from', () => {
		const {config, sources} = mergeConfig([
			{values: {logTail: 50, readOnly: false}, source: '/home/me/.config/dockpit/config.json'},
			{values: {readOnly: true}, source: 'flag --read-only'},
		]);
		assert.deepEqual([config.logTail, config.readOnly, config.sort], [50, true, 'state']);
		assert.deepEqual(
			[sources.logTail, sources.readOnly, sources.sort],
			['/home/me/.config/dockpit/config.json', 'flag --read-only', 'default'],
		);
		const printed = printConfig(config, sources);
		assert.match(printed, /^readOnly\s+true\s+\(flag --read-only\)$/m);
		assert.match(printed, /^logTail\s+50\s+\(\/home\/me\/\.config\/dockpit\/config\.json\)$/m);
		assert.equal(printed.split('\n').length, Object.keys(defaultConfig).length);
	});
});

describe('key remapping', () => {
	it('replaces a command’s keys in the one table, so lookup, footer and help follow', () => {
		const keys = createKeyMap(remapBindings(defaultBindings, {stop: ['ctrl+t'], 'containers.restart': ['ctrl+r']}));
		assert.equal(keys.lookup('containers', 'ctrl+t'), 'stop');
		assert.equal(keys.lookup('containers', 's'), undefined);
		assert.equal(keys.lookup('containers', 'ctrl+r'), 'restart');
		assert.deepEqual(keys.keysFor('stop', 'containers'), ['ctrl+t']);
		assert.ok(helpLines(keys.bindings).some((line) => /^\s+Ctrl-T\s+Stop the selected container/.test(line.text)));
	});

	it('refuses unknown commands and keys that would run two things', () => {
		assert.throws(() => remapBindings(defaultBindings, {halt: ['h']}, 'c.json'), /c\.json: "keys\.halt" is not a command/);
		assert.throws(
			() => remapBindings(defaultBindings, {stop: ['r']}, 'c.json'),
			/"keys\.stop": r is already bound to "restart" \(Containers\); remap that one too/,
		);
		assert.throws(() => remapBindings(defaultBindings, {stop: ['q']}), /already bound to "quit" \(Everywhere\)/);
		// Swapping two keys is fine when both are remapped.
		const swapped = createKeyMap(remapBindings(defaultBindings, {stop: ['r'], restart: ['s']}));
		assert.deepEqual([swapped.lookup('containers', 'r'), swapped.lookup('containers', 's')], ['stop', 'restart']);
	});
});

describe('settings from a config file', () => {
	let dir: string;
	before(() => {
		dir = mkdtempSync(path.join(os.tmpdir(), 'dockpit-config-'));
		mkdirSync(path.join(dir, 'dockpit'));
	});
	after(() => rmSync(dir, {recursive: true, force: true}));
	const write = (json: unknown) =>
		writeFileSync(path.join(dir, 'dockpit', 'config.json'), typeof json === 'string' ? json : JSON.stringify(json));
	const utf8 = {XDG_CONFIG_HOME: '', LANG: 'C.UTF-8'};

	it('reads $XDG_CONFIG_HOME/dockpit/config.json and layers environment and flags over it', () => {
		write({readOnly: false, keys: {stop: 'ctrl+t'}, theme: 'mono', sort: 'created'});
		const settings = loadSettings({readOnly: true}, {...utf8, XDG_CONFIG_HOME: dir, NO_COLOR: '1'}, '/nonexistent');
		assert.equal(settings.file, path.join(dir, 'dockpit', 'config.json'));
		assert.ok(settings.fileFound);
		assert.deepEqual([settings.config.readOnly, settings.sources.readOnly], [true, 'flag --read-only']);
		assert.deepEqual([settings.config.color, settings.sources.color], [false, 'NO_COLOR']);
		assert.deepEqual([settings.config.sort, settings.sources.sort], ['created', settings.file]);
		assert.equal(settings.keys.readOnly, true);
		assert.equal(settings.keys.keysFor('stop', 'containers').length, 0, 'read-only hides stop from the bindings shown');
		assert.equal(settings.output.colors.cyan, null);
	});

	it('defaults to ~/.config when XDG_CONFIG_HOME is unset, and a missing file is no error', () => {
		const settings = loadSettings({}, {LANG: 'en_US.UTF-8'}, dir);
		assert.equal(settings.file, path.join(dir, '.config', 'dockpit', 'config.json'));
		assert.equal(settings.fileFound, false);
		assert.deepEqual(settings.config, defaultConfig);
	});

	it('uses ASCII when the locale is not UTF-8, unless the file says otherwise', () => {
		write({});
		const latin = loadSettings({}, {XDG_CONFIG_HOME: dir, LANG: 'en_US.UTF-8', LC_ALL: 'C'}, '/x');
		assert.deepEqual([latin.config.ascii, latin.sources.ascii], [true, 'locale "C" is not UTF-8']);
		write({ascii: false});
		assert.equal(loadSettings({}, {XDG_CONFIG_HOME: dir}, '/x').config.ascii, false);
	});

	it('says which file is broken and why', () => {
		write('{"readOnly": tru');
		assert.throws(() => loadSettings({}, {XDG_CONFIG_HOME: dir}, '/x'), /config\.json: not valid JSON/);
		write({keys: {nope: 'z'}});
		assert.throws(() => loadSettings({}, {XDG_CONFIG_HOME: dir}, '/x'), /config\.json: "keys\.nope" is not a command/);
	});
});

describe('settings in a session', () => {
	it('start the containers list in the configured order and the logs pane with logTail lines', async () => {
		const {createSession} = await import('../../source/session/session.js');
		const session = createSession({
			endpoint: {kind: 'unix', socketPath: '/nonexistent.sock', url: 'unix:///nonexistent.sock'},
			scope: {},
			scopeText: [],
			config: {...defaultConfig, sort: 'name', sortDescending: true, logTail: 50},
		});
		const state = session.store.getState();
		assert.deepEqual(state.ui.sort, {key: 'name', descending: true});
		assert.deepEqual(state.logs.window, {kind: 'tail', lines: 50});
		session.stop();
	});
});

describe('config file kinds and size', () => {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'dockpit-config-kind-'));
	after(() => rmSync(dir, {recursive: true, force: true}));

	it('refuses a file past the size cap, and a directory, naming what it is', () => {
		const big = path.join(dir, 'big.json');
		writeFileSync(big, `{"theme": "dark", "pad": "${'x'.repeat(CONFIG_SIZE_CAP)}"}`);
		assert.throws(
			() => readConfigFile(big),
			(error: Error) => error instanceof ConfigError && /too large/.test(error.message),
		);
		assert.throws(
			() => readConfigFile(dir),
			(error: Error) => error instanceof ConfigError && /not a regular file \(a directory\)/.test(error.message),
		);
	});

	it('reads a regular file, and a missing one is simply absent', () => {
		const file = path.join(dir, 'ok.json');
		writeFileSync(file, '{"readOnly": true}');
		assert.deepEqual(readConfigFile(file), {readOnly: true});
		assert.equal(readConfigFile(path.join(dir, 'missing.json')), undefined);
	});
});
