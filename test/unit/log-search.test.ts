// The logs pane's search engine and the text it searches: RE2 syntax, linear time on hostile lines,
// long lines capped (issue 12, items 4 and 5); RE2 loaded only when asked for, plain text matched the same
// without it.
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {before, describe, it} from 'node:test';
import {fileURLToPath} from 'node:url';
import {capText, maxLineChars, parseLogLine} from '../../source/state/logs/log-lines.js';
import {loadRegexEngine} from '../../source/hooks/regex-engine.js';
import {compileSearch, regexEngineReady, regexPending} from '../../source/state/logs/log-search.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

// First in the file: nothing has loaded RE2 yet.
describe('RE2 read on demand', () => {
	it('searches plain text without it, and a regex is pending until it is loaded, then compiles', async () => {
		assert.equal(regexEngineReady(), false, 'RE2 is not loaded by importing the search');
		assert.deepEqual(compileSearch({text: 'err', regex: false})?.ok, true);
		assert.equal(regexEngineReady(), false, 'a plain search does not need it');
		assert.deepEqual(compileSearch({text: 'e.r', regex: true}), {ok: false, error: regexPending, pending: true});
		await loadRegexEngine();
		assert.equal(regexEngineReady(), true);
		const regex = compileSearch({text: 'e.r', regex: true});
		assert.ok(regex?.ok);
		assert.deepEqual(regex.ranges('an ERR, an eXr'), [
			[3, 6],
			[11, 14],
		]);
	});

	it('matches plain text as RE2 does with the text quoted: same ranges, same smart case, Unicode folding', async () => {
		await loadRegexEngine();
		const lines = [
			'ERROR error Error eRRoR',
			'KELVIN \u212A k K', // K and the Kelvin sign fold together
			'straße STRASSE ſtraße', // long s folds to s; ß has no simple fold to ss
			'ΣΑΣ σας ς',
			'a.b( a+b a\\b $^|{}[]',
			'😀é É e\u0301 😀',
			'',
		];
		const queries = ['error', 'Error', 'k', 'K', 's', 'ß', 'σ', 'Σ', 'ς', 'a.b(', 'a+b', '\\', '$^|{}[]', 'é', 'É', '😀', 'x'];
		const {RE2JS} = await import('re2js');
		for (const text of queries) {
			const plain = compileSearch({text, regex: false});
			assert.ok(plain?.ok);
			const quoted = RE2JS.compile(RE2JS.quote(text), text === text.toLowerCase() ? RE2JS.CASE_INSENSITIVE : 0);
			for (const line of lines) {
				const expected: Array<[number, number]> = [];
				const matcher = quoted.matcher(line);
				while (matcher.find()) expected.push([matcher.start(), matcher.end()]);
				assert.deepEqual(plain.ranges(line), expected, `${JSON.stringify(text)} in ${JSON.stringify(line)}`);
				assert.equal(plain.test(line), expected.length > 0, `${JSON.stringify(text)} tests ${JSON.stringify(line)}`);
			}
		}
	});
});

describe('compileSearch on hostile input', () => {
	before(loadRegexEngine);

	it('answers (a+)+$ on a long line of a and a ! without backtracking for ever', {timeout: 120_000}, () => {
		// A backtracking engine never returns here and blocks the event loop, so the search runs in
		// a child the test can kill: a timeout, not a slow answer, is what fails.
		const script = `
			import {loadRegexEngine} from './source/hooks/regex-engine.ts';
			import {compileSearch} from './source/state/logs/log-search.ts';
			await loadRegexEngine();
			const line = 'a'.repeat(100_000) + '!';
			const matcher = compileSearch({text: '(a+)+$', regex: true});
			const short = compileSearch({text: '(a+)+!', regex: true});
			console.log(JSON.stringify([matcher.test(line), matcher.ranges(line), short.ranges('a'.repeat(40) + '!')]));
		`;
		const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
			cwd: root,
			encoding: 'utf8',
			timeout: 60_000,
		});
		assert.equal(child.error, undefined, 'the search returned');
		assert.equal(child.stderr, '');
		assert.deepEqual(JSON.parse(child.stdout), [false, [], [[0, 41]]]);
	});

	it('refuses backreferences and lookaround (not RE2) with a message', () => {
		for (const text of [String.raw`(a)\1`, '(?=a)', '(?<!a)b']) {
			const bad = compileSearch({text, regex: true});
			assert.ok(bad && !bad.ok, text);
			assert.match(bad.error, /^Invalid regular expression: /);
		}
	});

	it('highlights with UTF-16 offsets, as the pane slices them', () => {
		const regex = compileSearch({text: 'b+', regex: true});
		assert.ok(regex?.ok);
		assert.deepEqual(regex.ranges('😀é bb'), [[4, 6]]);
	});
});

describe('a very long line (issue 12, item 4)', () => {
	before(loadRegexEngine);

	it('is held as its first 16 KiB and a marked count of the rest', () => {
		const line = parseLogLine(`2026-11-23T18:00:01.5Z ${'x'.repeat(1_048_576)}`, 'c1', 'stdout');
		assert.equal(line.text.length < maxLineChars + 40, true, `held ${line.text.length} chars`);
		assert.equal(line.text, `${'x'.repeat(maxLineChars)} … [+1,032,192 chars]`);
		assert.equal(line.ts, '2026-11-23T18:00:01.500000000Z');
	});

	it('leaves a line of the cap untouched, and never cuts a surrogate pair in half', () => {
		assert.equal(capText('abc', 3), 'abc');
		assert.equal(capText('ab😀d', 3), 'ab … [+3 chars]');
	});

	it('keeps a regex search over it bounded', () => {
		const line = parseLogLine('x'.repeat(1_048_576), 'c1', 'tty');
		const regex = compileSearch({text: 'x+', regex: true});
		assert.ok(regex?.ok);
		assert.deepEqual(regex.ranges(line.text), [[0, maxLineChars]]);
		const plain = compileSearch({text: 'x', regex: false});
		assert.ok(plain?.ok);
		assert.equal(plain.ranges(line.text).length, maxLineChars);
	});
});
