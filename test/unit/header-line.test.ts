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
