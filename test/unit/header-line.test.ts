// The header line at a width (issue 14, item 13): the scope and READ-ONLY are never dropped; the version,
// the counts' words, the word "scope", the endpoint (cut, then gone), the context and the counts give way first.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {headerLine} from '../../source/state/core/header-line.js';
import type {EngineInfo} from '../../source/state/core/app.js';

const engine: EngineInfo = {
	endpoint: 'unix:///var/run/docker.sock',
	version: '20.10.24',
	connection: 'connected',
	scope: ['label=dockpit.test=mk2abc-12345-abcdef'],
};
const counts = {running: 12, paused: 1, stopped: 30};
const text = (width: number, readOnly = false, info = engine) => {
	const line = headerLine(width, info, counts, readOnly);
	const left = line.left.map((part) => part.text).join('');
	return line.counts.running === '' ? left : `${left} ${line.counts.running} ${line.counts.paused} ${line.counts.stopped}`;
};

describe('header line', () => {
	it('wide: everything, in words', () => {
		assert.equal(
			text(160),
			'dockpit unix:///var/run/docker.sock · Engine 20.10.24 · scope label=dockpit.test=mk2abc-12345-abcdef ● 12 running ◐ 1 paused ○ 30 stopped',
		);
	});

	for (const width of [60, 80, 100, 120]) {
		it(`${width} columns: the whole scope and READ-ONLY, within the width`, () => {
			const line = text(width, true);
			assert.ok(line.includes(' label=dockpit.test=mk2abc-12345-abcdef'), line);
			assert.ok(line.includes('READ-ONLY'), line);
			assert.ok([...line].length <= width, `${[...line].length}: ${line}`);
			assert.ok(line.startsWith('dockpit'));
		});
	}

	it('gives way in order: version, the counts words, the word "scope", the endpoint is cut, then it goes', () => {
		assert.doesNotMatch(text(120), /Engine/);
		assert.match(text(120), /^dockpit unix:\/\/\/var\/run\/docker\.sock · scope .* ● 12 running ◐ 1 paused ○ 30 stopped$/);
		assert.match(text(110), /^dockpit unix:\/\/\/var\/run\/docker\.sock · scope .* ●12 ◐1 ○30$/);
		assert.match(text(90), /^dockpit unix:\/\/\/var\/run\/docker\.sock label=dockpit\.test=mk2abc-12345-abcdef ●12 ◐1 ○30$/);
		assert.match(text(80), /^dockpit unix:\/\/\/\S*… label=dockpit\.test=mk2abc-12345-abcdef ●12 ◐1 ○30$/);
		assert.match(text(60), /^dockpit label=dockpit\.test=mk2abc-12345-abcdef ●12 ◐1 ○30$/);
		assert.match(text(60, true), /^dockpit READ-ONLY label=dockpit\.test=mk2abc-12345-abcdef$/);
	});

	it("keeps the context's name longer than the endpoint: it names the engine", () => {
		const prod = {...engine, context: 'prod'};
		assert.match(text(110, false, prod), /^dockpit unix:\/\/\/var\/run\/docker\.sock \(context prod\) · scope /);
		assert.match(text(90, false, prod), /^dockpit unix:\/\/\/\S*… \(context prod\) label=/);
		assert.match(text(80, false, prod), /^dockpit \(context prod\) label=dockpit\.test=mk2abc-12345-abcdef ●12 ◐1 ○30$/);
		assert.match(text(70, false, prod), /^dockpit label=dockpit\.test=mk2abc-12345-abcdef ●12 ◐1 ○30$/);
	});

	it('a scope wider than the line is cut at its end, never dropped', () => {
		const line = text(60, false, {...engine, scope: ['label=' + 'x'.repeat(80)]});
		assert.match(line, /^ label=x+…$/);
	});
});

describe('header line with several engines', () => {
	const several: EngineInfo = {
		...engine,
		version: undefined,
		engines: [
			{key: '0', name: 'unix:///var/run/docker.sock', endpoint: 'unix:///var/run/docker.sock', connection: 'connected'},
			{key: '1', name: 'staging', endpoint: 'ssh://me@box', connection: 'reconnecting', error: 'gone'},
			{key: '2', name: 'production-eu', endpoint: 'tcp://far:2375', connection: 'unreachable'},
		],
	};

	it('wide: each engine in place of the endpoint, its state in a word only when not connected', () => {
		assert.equal(
			text(200, false, several),
			'dockpit unix:///var/run/docker.sock ● · staging ◐ reconnecting · production-eu ○ unreachable · scope label=dockpit.test=mk2abc-12345-abcdef ● 12 running ◐ 1 paused ○ 30 stopped',
		);
		const parts = headerLine(200, several, counts, false).left.filter((part) => part.kind === 'engine');
		assert.deepEqual(
			parts.map((part) => part.engine),
			[
				{key: '0', connection: 'connected', state: '●'},
				{key: '1', connection: 'reconnecting', state: '◐ reconnecting'},
				{key: '2', connection: 'unreachable', state: '○ unreachable'},
			],
		);
	});

	it('gives way in order: the counts words, the word "scope", the connected names, the state words, the counts, the brand, the lost names', () => {
		assert.match(
			text(160, false, several),
			/^dockpit unix:\S+ ● · staging ◐ reconnecting · production-eu ○ unreachable · scope label=\S+ ●12 ◐1 ○30$/,
		);
		assert.match(
			text(140, false, several),
			/^dockpit ● · staging ◐ reconnecting · production-eu ○ unreachable label=\S+ ●12 ◐1 ○30$/,
		);
		assert.match(text(100, false, several), /^dockpit ● · staging ◐ · production-eu ○ label=\S+ ●12 ◐1 ○30$/);
		assert.match(text(80, false, several), /^dockpit ● · staging ◐ · production-eu ○ label=dockpit\.test=mk2abc-12345-abcdef$/);
		assert.match(text(70, false, several), /^ ● · staging ◐ · production-… ○ label=dockpit\.test=mk2abc-12345-abcdef$/);
		assert.match(text(60, false, several), /^ ● ◐ ○ label=dockpit\.test=mk2abc-12345-abcdef$/);
	});

	for (const width of [60, 80, 100, 120, 140]) {
		it(`${width} columns with several engines: every engine's glyph, the whole scope and READ-ONLY, within the width`, () => {
			const line = text(width, true, several);
			assert.ok(line.includes(' label=dockpit.test=mk2abc-12345-abcdef'), line);
			assert.ok(line.includes('READ-ONLY'), line);
			assert.ok([...line].length <= width, `${[...line].length}: ${line}`);
			assert.equal(line.match(/[●◐○]/g)?.length ?? 0, 3 + (line.includes('●12') || line.includes('● 12') ? 3 : 0), line);
			assert.doesNotMatch(line, /unix:\/\/|Engine/);
		});
	}

	it('all connected: the names go before the counts do; the banners name the lost ones anyway', () => {
		const connected: EngineInfo = {
			...several,
			engines: several.engines!.map((entry) => ({...entry, connection: 'connected' as const})),
		};
		assert.match(text(120, false, connected), /^dockpit unix:\S+ ● · staging ● · production-eu ● label=\S+ ●12 ◐1 ○30$/);
		assert.match(text(100, false, connected), /^dockpit ● ● ● label=\S+ ●12 ◐1 ○30$/);
	});
});
