// A search over a full buffer of long lines runs in bounded steps between frames (issue 12, item 5): keys
// typed while it is under way are answered at once, and the search still finds every match in the end.
import assert from 'node:assert/strict';
import {afterEach, describe, it} from 'node:test';
import {render} from 'ink-testing-library';
import {App} from '../../source/components/App.js';
import {createSession} from '../../source/session/session.js';
import type {LogLine} from '../../source/state/logs/log-lines.js';
import {searchMatches, searchPending} from '../../source/state/logs/log-view.js';
import {frame, keys, waitForFrame} from '../helpers/ink.js';
import {liveFleet} from '../helpers/fixtures.js';
import {waitFor} from '../helpers/wait.js';

let cleanups: Array<() => void> = [];
afterEach(() => {
	for (const cleanup of cleanups) cleanup();
	cleanups = [];
});

describe('logs search in steps', () => {
	it('answers Enter and Esc while a search over 3,000 lines of 16 KiB is under way, then finds every match', async () => {
		const session = createSession({
			endpoint: {kind: 'unix', socketPath: '/nonexistent/docker.sock', url: 'unix:///nonexistent/docker.sock'},
			scope: {},
			scopeText: [],
		});
		const fleet = liveFleet();
		session.store.dispatch({type: 'containers/snapshot', containers: fleet});
		const rendered = render(<App session={session} />);
		cleanups.push(() => {
			rendered.unmount();
			rendered.cleanup();
			session.stop();
		});
		const state = () => session.store.getState();
		const type = async (key: string, done: () => boolean, what: string) => {
			rendered.stdin.write(key);
			await waitFor(done, {timeout: 2000, interval: 5, what});
		};

		await waitForFrame(rendered, /● \d+ running/);
		await waitFor(() => rendered.stdin.listenerCount('readable') > 0, {what: 'Ink to read keys'});
		await type('l', () => state().logs.focused, 'the logs pane open');
		// One shared 16 KiB string keeps the test's memory small; the matcher still reads every character.
		const long = 'x'.repeat(16_384);
		const source = state().logs.targets[0]!;
		const lines: LogLine[] = Array.from({length: 3000}, (_, n) => ({
			source,
			stream: 'stdout',
			ts: '',
			time: 0,
			text: n % 100 === 0 ? `needle ${n} ${long}` : long,
		}));
		session.store.dispatch({type: 'logs/append', lines});

		await type('/', () => state().logs.prompt?.kind === 'search', 'the search prompt');
		for (const [index, char] of [...'needle'].entries()) {
			await type(char, () => state().logs.search === 'needle'.slice(0, index + 1), `"${char}" typed`);
		}

		await type(keys.enter, () => state().logs.prompt === undefined, 'Enter to close the prompt');
		assert.ok(searchPending(state().logs) > 0, 'the search is still under way after Enter');
		await type(keys.escape, () => !state().logs.focused, 'Esc to give the keys back to the list');
		const left = searchPending(state().logs);
		assert.ok(left > 0, 'Esc was answered before the search had finished');

		await waitFor(() => searchPending(state().logs) === 0, {timeout: 60_000, interval: 20, what: 'the search to finish'});
		assert.equal(searchMatches(state().logs).length, 30);
		await waitForFrame(rendered, /\/needle \d+\/30 /);
		assert.doesNotMatch(frame(rendered), /No line matches/, 'Enter during the search did not report a miss');
	});
});
