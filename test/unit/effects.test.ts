// performEffects: each effect reaches the part of the session that carries it out, and the screen is told
// when it must let go of the terminal.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {AppAction} from '../../source/state/core/app.js';
import type {Effect} from '../../source/state/input/effect.js';
import {performEffects} from '../../source/session/effects.js';
import type {Session} from '../../source/session/session.js';

/** A session that records what it was asked to do, and nothing else. */
function recordingSession() {
	const calls: string[] = [];
	const record =
		(name: string) =>
		(...args: unknown[]) => {
			calls.push(`${name} ${JSON.stringify(args)}`);
			return Promise.resolve();
		};
	const session = {
		store: {dispatch: (action: AppAction) => calls.push(`dispatch ${action.type}`)},
		runOp: record('runOp'),
		resources: {run: record('resources.run')},
		logs: {save: record('logs.save')},
		contexts: {open: record('contexts.open'), switchTo: record('contexts.switchTo')},
		requestExec: record('requestExec'),
	} as unknown as Session;
	return {session, calls};
}

describe('performEffects', () => {
	it('carries out each effect in order and lets the screen stay', () => {
		const {session, calls} = recordingSession();
		const effects: Effect[] = [
			{type: 'dispatch', action: {type: 'ui/closeDialog'}},
			{type: 'run', op: {kind: 'stop', id: 'c1', name: 'web'}},
			{type: 'resource', request: {kind: 'watch'}},
			{type: 'saveLogs', path: './web.log'},
			{type: 'contexts'},
			{type: 'switchContext', name: 'remote'},
		];
		assert.equal(performEffects(session, effects), 'stay');
		assert.deepEqual(
			calls.map((call) => call.split(' ')[0]),
			['dispatch', 'runOp', 'resources.run', 'logs.save', 'contexts.open', 'contexts.switchTo'],
		);
		assert.ok(calls[3]!.includes('./web.log'));
		assert.ok(calls[5]!.includes('remote'));
	});

	it('asks the screen to quit, and does nothing after', () => {
		const {session, calls} = recordingSession();
		const step = performEffects(session, [{type: 'quit'}, {type: 'dispatch', action: {type: 'ui/closeDialog'}}]);
		assert.equal(step, 'quit');
		assert.deepEqual(calls, []);
	});

	it('hands an exec to the session and asks the screen to let go of the terminal', () => {
		const {session, calls} = recordingSession();
		const step = performEffects(session, [{type: 'exec', request: {kind: 'shell', id: 'c1', name: 'web'}}]);
		assert.equal(step, 'exec');
		assert.equal(calls.length, 1);
		assert.ok(calls[0]!.startsWith('requestExec') && calls[0]!.includes('"shell"'));
	});
});
