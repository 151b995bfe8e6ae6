// The STATUS column rebuilt from state and times, the parser for the engine's own status text, and
// when a row's relative texts next change.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {compactDuration} from '../../source/state/core/duration.js';
import {nextChangeAt, parseStatus, statusText} from '../../source/state/containers/status.js';
import {makeContainer, NOW} from '../helpers/fixtures.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

describe('statusText', () => {
	const cases: ReadonlyArray<[string, Parameters<typeof makeContainer>[0], string]> = [
		['running', {state: 'running', startedAt: NOW - 3 * MINUTE}, 'Up 3 minutes'],
		['running, healthy', {state: 'running', startedAt: NOW - 3 * MINUTE, health: 'healthy'}, 'Up 3 minutes (healthy)'],
		['running, unhealthy', {state: 'running', startedAt: NOW - 2 * HOUR, health: 'unhealthy'}, 'Up 2 hours (unhealthy)'],
		[
			'running, health starting',
			{state: 'running', startedAt: NOW - 5 * SECOND, health: 'starting'},
			'Up 5 seconds (health: starting)',
		],
		['just started', {state: 'running', startedAt: NOW - 200}, 'Up Less than a second'],
		['paused', {state: 'paused', startedAt: NOW - 70 * MINUTE}, 'Up About an hour (Paused)'],
		// The engine says Paused, not the health, for a paused container.
		['paused, healthy', {state: 'paused', startedAt: NOW - 70 * MINUTE, health: 'healthy'}, 'Up About an hour (Paused)'],
		['restarting', {state: 'restarting', exitCode: 1, finishedAt: NOW - 5 * SECOND}, 'Restarting (1) 5 seconds ago'],
		['exited', {state: 'exited', exitCode: 137, finishedAt: NOW - 2 * HOUR}, 'Exited (137) 2 hours ago'],
		['exited, time unknown', {state: 'exited', exitCode: 0, finishedAt: undefined}, 'Exited (0)'],
		['created', {state: 'created', startedAt: undefined}, 'Created'],
		['removing', {state: 'removing'}, 'Removal In Progress'],
		['dead', {state: 'dead'}, 'Dead'],
	];
	for (const [label, overrides, text] of cases) {
		it(`${label}: "${text}"`, () => assert.equal(statusText(makeContainer(overrides), NOW), text));
	}
});

describe('parseStatus', () => {
	it('reads "Up 3 minutes (healthy)"', () => {
		assert.deepEqual(parseStatus('Up 3 minutes (healthy)', NOW), {health: 'healthy', startedAt: NOW - 3 * MINUTE});
	});

	it('reads "Up About an hour"', () => {
		assert.deepEqual(parseStatus('Up About an hour', NOW), {health: undefined, startedAt: NOW - HOUR});
	});

	it('reads "Up Less than a second"', () => {
		assert.deepEqual(parseStatus('Up Less than a second', NOW), {health: undefined, startedAt: NOW});
	});

	it('reads "Up 5 seconds (health: starting)" and "Up 2 days (unhealthy)"', () => {
		assert.deepEqual(parseStatus('Up 5 seconds (health: starting)', NOW), {health: 'starting', startedAt: NOW - 5 * SECOND});
		assert.equal(parseStatus('Up 2 days (unhealthy)', NOW).health, 'unhealthy');
	});

	it('reads "Up 2 minutes (Paused)" without inventing a health', () => {
		assert.deepEqual(parseStatus('Up 2 minutes (Paused)', NOW), {health: undefined, startedAt: NOW - 2 * MINUTE});
	});

	it('reads "Exited (137) 2 hours ago"', () => {
		assert.deepEqual(parseStatus('Exited (137) 2 hours ago', NOW), {
			health: undefined,
			exitCode: 137,
			finishedAt: NOW - 2 * HOUR,
		});
	});

	it('reads "Restarting (1) 5 seconds ago"', () => {
		assert.deepEqual(parseStatus('Restarting (1) 5 seconds ago', NOW), {
			health: undefined,
			exitCode: 1,
			finishedAt: NOW - 5 * SECOND,
		});
	});

	it('reads "Exited (0)" with no time, and a negative exit code', () => {
		assert.deepEqual(parseStatus('Exited (0)', NOW), {health: undefined, exitCode: 0, finishedAt: undefined});
		assert.equal(parseStatus('Exited (-1) 3 weeks ago', NOW).exitCode, -1);
	});

	it('reads "Created" and other fixed texts as nothing', () => {
		assert.deepEqual(parseStatus('Created', NOW), {health: undefined});
		assert.deepEqual(parseStatus('Removal In Progress', NOW), {health: undefined});
		assert.deepEqual(parseStatus('Dead', NOW), {health: undefined});
	});

	it('statusText of what it parsed gives the engine text back', () => {
		const texts: ReadonlyArray<[string, Parameters<typeof makeContainer>[0]]> = [
			['Up 3 minutes (healthy)', {state: 'running'}],
			['Up About an hour', {state: 'running'}],
			['Up 7 weeks (unhealthy)', {state: 'running'}],
			['Up 12 seconds (health: starting)', {state: 'running'}],
			['Exited (137) 2 hours ago', {state: 'exited'}],
			['Exited (2) About a minute ago', {state: 'exited'}],
			['Restarting (1) 5 seconds ago', {state: 'restarting'}],
			['Up 4 months (Paused)', {state: 'paused'}],
		];
		for (const [text, overrides] of texts) {
			const parsed = parseStatus(text, NOW);
			const container = makeContainer({startedAt: undefined, finishedAt: undefined, ...overrides, ...parsed});
			assert.equal(statusText(container, NOW), text);
		}
	});
});

describe('nextChangeAt', () => {
	it('is the next change of the status when that comes first', () => {
		// Created exactly 10 hours ago: "10h" holds for an hour; "Up 59 seconds" changes in 1 s.
		const container = makeContainer({state: 'running', startedAt: NOW - 59 * SECOND, createdAt: NOW - 10 * HOUR});
		assert.equal(nextChangeAt(container, NOW), NOW + SECOND);
	});

	it('is the next change of the created age when that comes first', () => {
		const container = makeContainer({state: 'running', startedAt: NOW - 3 * HOUR, createdAt: NOW - 30 * SECOND - 400});
		assert.equal(nextChangeAt(container, NOW), NOW + 600);
	});

	it('follows finishedAt for exited containers and only the age for created ones', () => {
		const exited = makeContainer({state: 'exited', exitCode: 0, finishedAt: NOW - 5 * MINUTE - 250, createdAt: NOW - 10 * HOUR});
		assert.equal(nextChangeAt(exited, NOW), NOW + MINUTE - 250);
		const created = makeContainer({state: 'created', startedAt: undefined, createdAt: NOW - 10 * HOUR - 5 * MINUTE});
		assert.equal(nextChangeAt(created, NOW), NOW + 55 * MINUTE);
	});

	it('is a moment at which some text really changes, and none changes before it', () => {
		for (let offset = 0; offset < 200; offset++) {
			const container = makeContainer({
				state: offset % 2 ? 'running' : 'exited',
				exitCode: 0,
				startedAt: NOW - offset * 7919,
				finishedAt: NOW - offset * 7919,
				createdAt: NOW - offset * 104_729,
			});
			const texts = (at: number) => `${statusText(container, at)} | ${compactDuration(at - container.createdAt)}`;
			const at = nextChangeAt(container, NOW);
			assert.ok(at > NOW);
			assert.equal(texts(at - 1), texts(NOW), `nothing changes before ${at - NOW} ms (offset ${offset})`);
			assert.notEqual(texts(at), texts(NOW), `something changes at ${at - NOW} ms (offset ${offset})`);
		}
	});
});
