// The logs pane's search engine: RE2 syntax, linear time on hostile lines (issue 12, item 5).
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {describe, it} from 'node:test';
import {fileURLToPath} from 'node:url';
import {compileSearch} from '../../source/state/logs/log-search.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('compileSearch on hostile input', () => {
	it('answers (a+)+$ on a long line of a and a ! without backtracking for ever', {timeout: 120_000}, () => {
		// A backtracking engine never returns here and blocks the event loop, so the search runs in
		// a child the test can kill: a timeout, not a slow answer, is what fails.
		const script = `
			import {compileSearch} from './source/state/logs/log-search.ts';
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
