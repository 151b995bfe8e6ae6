// The command line's own checks and texts: --log-lines bounds, the argv colour libraries see, and
// --print-config's report with the config file and engine rows on top.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {
	argvForColorLibraries,
	checkLogLines,
	configReport,
	maxLogLines,
	missingValues,
} from '../../source/state/settings/command-line.js';
import {ConfigError, defaultConfig, mergeConfig} from '../../source/state/settings/config.js';

describe('--log-lines', () => {
	it('passes a whole number from 1 to the cap through, and no flag as no flag', () => {
		assert.equal(checkLogLines(undefined), undefined);
		assert.equal(checkLogLines(1), 1);
		assert.equal(checkLogLines(maxLogLines), maxLogLines);
	});

	it('refuses zero, fractions, NaN and more than the heap holds, as bad usage', () => {
		for (const lines of [0, -5, 2.5, maxLogLines + 1]) {
			assert.throws(
				() => checkLogLines(lines),
				(error: unknown) =>
					error instanceof ConfigError &&
					error.message ===
						`--log-lines ${lines}: expected a whole number of lines from 1 to 200000 (the heap is capped at 128 MB)`,
			);
		}
	});
});

describe('--log-lines as typed (issue 12)', () => {
	it('takes the text meow passes, and quotes it when refused instead of printing NaN', () => {
		assert.equal(checkLogLines('500'), 500);
		for (const [typed, shown] of [
			['abc', 'abc'],
			['', '(no value)'],
			['1e3', '1e3'],
			['12 lines', '"12 lines"'],
		] as const) {
			assert.throws(
				() => checkLogLines(typed),
				(error: unknown) =>
					error instanceof ConfigError && error.message.startsWith(`--log-lines ${shown}: expected a whole number`),
				typed,
			);
		}
	});

	it('names a string flag given without a value', () => {
		assert.equal(missingValues({host: '', context: undefined}, ['host', 'context']), '--host needs a value');
		assert.equal(missingValues({logLines: ''}, ['logLines']), '--log-lines needs a value');
		assert.equal(missingValues({host: 'tcp://a:1'}, ['host']), undefined);
	});

	it('names a repeatable flag given last or before another flag, which meow reads as no flag at all', () => {
		const short = {host: 'H', context: 'c'};
		for (const argv of [['--print-config', '--host'], ['--host', '--print-config'], ['-H'], ['--host='], ['-c', '--ascii']]) {
			const expected = argv.some((argument) => argument.startsWith('-c')) ? '--context needs a value' : '--host needs a value';
			assert.equal(missingValues({host: [], context: []}, ['host', 'context'], argv, short), expected, argv.join(' '));
		}

		assert.equal(
			missingValues({host: ['tcp://a:1']}, ['host', 'context'], ['--host', 'tcp://a:1', '--print-config'], short),
			undefined,
		);
		assert.equal(missingValues({host: [], context: []}, ['host', 'context'], ['--print-config'], short), undefined);
		assert.equal(missingValues({logLines: -5}, ['logLines'], ['--log-lines', '-5']), undefined);
	});
});

describe('argv for colour libraries', () => {
	it('drops only --no-color, keeping every other argument in order', () => {
		assert.deepEqual(argvForColorLibraries(['node', 'cli.js', '--no-color', '-f', 'name=web', '--ascii']), [
			'node',
			'cli.js',
			'-f',
			'name=web',
			'--ascii',
		]);
	});
});

describe('--print-config report', () => {
	const {config, sources} = mergeConfig([{values: {timeFormat: 'iso'}, source: '/c/config.json'}]);

	it('puts the config file and the engine above every setting', () => {
		const lines = configReport(
			{config, sources, file: '/c/config.json', fileFound: true},
			{url: 'unix:///var/run/docker.sock', source: 'default'},
		).split('\n');
		assert.match(lines[0]!, /^config file\s+\/c\/config\.json\s+\(read\)$/);
		assert.match(lines[1]!, /^engine\s+unix:\/\/\/var\/run\/docker\.sock\s+\(default\)$/);
		assert.ok(lines.some((line) => /^timeFormat\s+"iso"\s+\(\/c\/config\.json\)$/.test(line)));
		assert.equal(lines.length, 2 + Object.keys(defaultConfig).length);
	});

	it('names a missing file and the context an engine came from', () => {
		const report = configReport(
			{config, sources, file: '/none/config.json', fileFound: false},
			{url: 'ssh://me@box', context: 'box', source: 'flag --context'},
		);
		assert.match(report, /^config file\s+\/none\/config\.json\s+\(not present: defaults apply\)$/m);
		assert.match(report, /^engine\s+ssh:\/\/me@box \(context box\)\s+\(flag --context\)$/m);
	});
});
