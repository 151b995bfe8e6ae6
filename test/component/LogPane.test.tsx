// The logs pane rendered against a store fed by hand: its states as the person sees them (following,
// paused with new lines, search hits, filter mode, a removed container) and the lines it asks for.
import assert from 'node:assert/strict';
import {afterEach, describe, it, mock} from 'node:test';
import {render} from 'ink-testing-library';
import {LogPane} from '../../source/components/LogPane.js';
import {useAppState} from '../../source/hooks/use-app-state.js';
import type {LogFollowOptions} from '../../source/docker/streams/logs.js';
import type {Session} from '../../source/session/session.js';
import {appReducer, initialAppState, type AppAction, type AppState} from '../../source/state/core/app.js';
import {routeKey} from '../../source/state/input/input.js';
import {createKeyMap} from '../../source/state/input/keymap.js';
import {gapLine} from '../../source/state/logs/log-gaps.js';
import {frameMs} from '../../source/state/logs/log-pace.js';
import {parseLogLine, type LogLine} from '../../source/state/logs/log-lines.js';
import type {Container} from '../../source/state/core/model.js';
import {createStore, type Store} from '../../source/session/store.js';
import {frame, waitForFrame, type Rendered} from '../helpers/ink.js';

const keys = createKeyMap();
const container = (id: string, name: string): Container => ({
	id,
	name,
	image: 'dockpit-test/busybox:latest',
	command: 'sh',
	state: 'running',
	startedAt: Date.now() - 60_000,
	timesExact: true,
	createdAt: Date.now() - 120_000,
	ports: [],
	labels: {},
});
const web = container('a'.repeat(64), 'web');
const db = container('b'.repeat(64), 'db');

const line = (source: string, n: number, text: string, stream: LogLine['stream'] = 'stdout'): LogLine => {
	const ts = `2026-11-23T18:00:${String(Math.floor(n / 10)).padStart(2, '0')}.${String(n % 10).padStart(9, '0')}Z`;
	return {source, stream, ts, time: Date.parse(ts), text};
};

type Harness = {
	rendered: Rendered;
	store: Store<AppState, AppAction>;
	follows: LogFollowOptions[];
	closed: string[];
	press: (...names: string[]) => void;
};

let cleanups: Array<() => void> = [];
afterEach(() => {
	for (const cleanup of cleanups) cleanup();
	cleanups = [];
});

function Pane({session}: {readonly session: Session}) {
	const state = useAppState(session.store);
	return <LogPane state={state} session={session} height={12} width={80} />;
}

/** The pane on `web` (or the marked containers), with the follow requests it makes captured. */
function start(marked: readonly Container[] = []): Harness {
	let state = appReducer(initialAppState({endpoint: 'unix:///var/run/docker.sock', scope: []}), {
		type: 'containers/snapshot',
		containers: [web, db],
	});
	for (const {id} of marked) state = appReducer(state, {type: 'ui/markToggle', id});
	const store = createStore(appReducer, state);
	const follows: LogFollowOptions[] = [];
	const closed: string[] = [];
	const session = {
		store,
		keys,
		logs: {
			follow(options: LogFollowOptions) {
				follows.push(options);
				return {
					close() {
						closed.push(options.id);
					},
				};
			},
			async save() {},
		},
	} as unknown as Session;
	const press = (...names: string[]) => {
		for (const name of names) {
			for (const effect of routeKey(store.getState(), {name, text: name.length === 1 ? name : ''}, keys)) {
				if (effect.type === 'dispatch') store.dispatch(effect.action);
			}
		}
	};

	store.dispatch({type: 'ui/select', id: web.id, index: 0});
	press('l');
	const rendered = render(<Pane session={session} />);
	cleanups.push(() => {
		rendered.unmount();
		rendered.cleanup();
	});
	return {rendered, store, follows, closed, press};
}

const feed = (options: LogFollowOptions, lines: LogLine[]) => {
	options.onHistory();
	options.onStatus({kind: 'live', tty: false});
	options.onLines(lines);
};

const numbered = (source: string, count: number, from = 0) =>
	Array.from({length: count}, (_, index) =>
		line(source, from + index, `line ${from + index}${(from + index) % 7 === 3 ? ' needle' : ''}`),
	);

describe('LogPane', () => {
	it('follows: asks for the window, shows the newest lines, and marks stderr', async () => {
		const {rendered, follows} = start();
		await waitForFrame(rendered, 'connecting');
		assert.equal(follows.length, 1);
		assert.equal(follows[0]!.id, web.id);
		assert.deepEqual(follows[0]!.window, {kind: 'tail', lines: 1000});
		feed(follows[0]!, [...numbered(web.id, 30), line(web.id, 30, 'broke', 'stderr')]);
		const text = await waitForFrame(rendered, 'broke');
		assert.match(text, /Logs: web · following/);
		assert.match(text, /▌broke/);
		assert.match(text, / line 29\n/);
		assert.doesNotMatch(text, /line 10\n/, 'only the newest lines fit');
	});

	it('paused: the view holds still and counts new lines', async () => {
		const {rendered, follows, press, store} = start();
		await waitForFrame(rendered, 'connecting');
		feed(follows[0]!, numbered(web.id, 30));
		await waitForFrame(rendered, 'line 29');
		press('pageup');
		const paused = await waitForFrame(rendered, 'paused — 0 new lines');
		const firstRow = paused.split('\n')[1];
		follows[0]!.onLines(numbered(web.id, 5, 30));
		const later = await waitForFrame(rendered, 'paused — 5 new lines (G resumes)');
		assert.equal(later.split('\n')[1], firstRow);
		assert.doesNotMatch(later, /line 34/);
		press('G');
		await waitForFrame(rendered, 'line 34');
		assert.ok(store.getState().logs.follow);
	});

	it('search: counts hits and lights the current one; filter mode shows only hits', async () => {
		const {rendered, follows, press} = start();
		await waitForFrame(rendered, 'connecting');
		feed(follows[0]!, numbered(web.id, 30));
		await waitForFrame(rendered, 'line 29');
		press('/', ...'needle', 'enter');
		let text = await waitForFrame(rendered, '/needle 4/4');
		assert.match(text, /▶line 24 needle/);
		press('N');
		text = await waitForFrame(rendered, '/needle 3/4');
		assert.match(text, /▶line 17 needle/);
		press('f');
		text = await waitForFrame(rendered, '/needle 3/4 · filter');
		const rows = text
			.split('\n')
			.slice(1)
			.filter((row) => row.trim() !== '');
		assert.deepEqual(
			rows.map((row) => row.slice(1)),
			['line 3 needle', 'line 10 needle', 'line 17 needle', 'line 24 needle'],
		);
	});

	it('says so when an invalid regex is typed', async () => {
		const {rendered, follows, press} = start();
		await waitForFrame(rendered, 'connecting');
		feed(follows[0]!, numbered(web.id, 5));
		await waitForFrame(rendered, 'line 4');
		press('x', '/', ...'line (');
		const text = await waitForFrame(rendered, 'Invalid regular expression');
		assert.match(text, /line 4/, 'the lines stay');
	});

	it('container gone: keeps the lines and says the container was removed', async () => {
		const {rendered, follows, store} = start();
		await waitForFrame(rendered, 'connecting');
		feed(follows[0]!, numbered(web.id, 3));
		await waitForFrame(rendered, 'line 2');
		store.dispatch({type: 'containers/remove', id: web.id});
		const text = await waitForFrame(rendered, 'container removed');
		assert.match(text, /line 2/);
	});

	it('several containers: interleaves their histories by time, each with its own prefix', async () => {
		const {rendered, follows} = start([web, db]);
		await waitForFrame(rendered, 'Logs: web, db');
		assert.deepEqual(
			follows.map((follow) => follow.id),
			[web.id, db.id],
		);
		follows[0]!.onLines([line(web.id, 1, 'w1'), line(web.id, 3, 'w3')]);
		follows[0]!.onHistory();
		assert.doesNotMatch(frame(rendered), /w1/, 'waits for every history before showing any');
		follows[1]!.onLines([line(db.id, 2, 'd2'), line(db.id, 4, 'd4')]);
		follows[1]!.onHistory();
		const text = await waitForFrame(rendered, 'd4');
		const rows = text.split('\n').filter((row) => row.includes('│'));
		assert.deepEqual(
			rows.map((row) => row.replaceAll(/\s+/g, ' ').trim()),
			['web │ w1', 'db │ d2', 'web │ w3', 'db │ d4'],
		);
	});

	it('unfocused, follows the list: selecting another container closes the old stream and opens the new', async () => {
		const {rendered, follows, closed, press, store} = start();
		await waitForFrame(rendered, 'Logs: web');
		feed(follows[0]!, numbered(web.id, 3));
		await waitForFrame(rendered, 'line 2');
		press('escape');
		store.dispatch({type: 'ui/select', id: db.id, index: 1});
		await waitForFrame(rendered, 'Logs: db');
		assert.deepEqual(closed, [web.id]);
		assert.equal(follows.at(-1)!.id, db.id);
		assert.equal(follows.at(-1)!.after, undefined, "a new container starts from its window, not from web's last line");
		assert.doesNotMatch(frame(rendered), /line 2/, "web's lines are gone");
	});

	it('with timestamps on, shows the date when the lines held span more than one day', async () => {
		const {rendered, follows, press} = start();
		await waitForFrame(rendered, 'connecting');
		const dayOne = {...line(web.id, 0, 'before midnight'), ts: '2026-11-22T23:59:59.900000000Z'};
		feed(follows[0]!, [dayOne, line(web.id, 1, 'after midnight')]);
		await waitForFrame(rendered, 'after midnight');
		press('t');
		const text = await waitForFrame(rendered, '2026-11-23 18:00:00.000 after midnight');
		assert.match(text, /2026-11-22 23:59:59\.900 before midnight/);
	});

	it('shows a gap row where lines are missing, and F asks for exactly that one', async () => {
		const {rendered, follows, store} = start();
		await waitForFrame(rendered, 'connecting');
		const gap = gapLine(web.id, {reason: 'skipped', count: 31_944, from: line(web.id, 2, '').ts, to: line(web.id, 90, '').ts});
		feed(follows[0]!, [...numbered(web.id, 3), gap, line(web.id, 90, 'after the gap')]);
		const text = await waitForFrame(rendered, 'after the gap');
		assert.match(text, /— 31,944 lines skipped 18:00:00\.000–18:00:09\.000 · F fetch —/);
		assert.match(text, /1 gap \(F fetches\)/);
		const {logs} = store.getState();
		const effects = routeKey(store.getState(), {name: 'F', text: 'F'}, keys);
		assert.deepEqual(effects, [{type: 'fetchLogGap', seq: logs.buffer.end - 2}]);
	});

	it('keeps the lines read but not yet shown when the stream is replaced, and resumes after them', async () => {
		const {rendered, follows, store} = start();
		await waitForFrame(rendered, 'connecting');
		feed(follows[0]!, numbered(web.id, 4));
		// Before the next frame: the container stops, so the stream is closed and opened again.
		store.dispatch({type: 'containers/snapshot', containers: [{...web, state: 'exited'}, db]});
		await waitForFrame(rendered, 'line 3');
		assert.equal(follows.length, 2);
		assert.deepEqual(follows[1]!.after, {ts: line(web.id, 3, '').ts, count: 1});
	});

	it('under a flood (a whole screen of lines per frame), redraws at most twice a second', async () => {
		const {rendered, follows, store} = start();
		await waitForFrame(rendered, 'connecting');
		const appends: number[] = [];
		const dispatch = store.dispatch;
		(store as {dispatch: typeof dispatch}).dispatch = (action) => {
			if (action.type === 'logs/append') appends.push(action.lines.length);
			dispatch(action);
		};

		mock.timers.enable({apis: ['setTimeout']});
		try {
			feed(follows[0]!, numbered(web.id, 30));
			mock.timers.tick(frameMs);
			assert.deepEqual(appends, [30], 'the first batch goes out at the ordinary pace');
			follows[0]!.onLines(numbered(web.id, 30, 30));
			// Twice a second, said in ms here: the constant itself is what this checks.
			mock.timers.tick(499);
			follows[0]!.onLines(numbered(web.id, 30, 60));
			assert.deepEqual(appends, [30], 'a whole screen per frame: nothing more for half a second');
			mock.timers.tick(1);
			assert.deepEqual(appends, [30, 60], 'then everything read meanwhile, in one update');
		} finally {
			mock.timers.reset();
		}
	});
});

describe('LogPane colours', () => {
	it("draws a line's own colours, and C shows it plain", async () => {
		const {rendered, follows, press} = start();
		await waitForFrame(rendered, 'connecting');
		const raw = `2026-11-23T18:00:01.000000000Z \u001B[31mERROR\u001B[0m disk full \u001B]0;title\u0007`;
		feed(follows[0]!, [parseLogLine(raw, web.id, 'stdout')]);
		await waitForFrame(rendered, 'ERROR disk full');
		const coloured = rendered.lastFrame() ?? '';
		assert.ok(coloured.includes('\u001B[31mERROR\u001B['), JSON.stringify(coloured));
		assert.ok(!coloured.includes('\u001B]0;'), 'no OSC reaches the screen');
		press('C');
		await waitForFrame(rendered, () => !(rendered.lastFrame() ?? '').includes('\u001B[31mERROR'));
		assert.match(frame(rendered), /ERROR disk full/);
	});
});
