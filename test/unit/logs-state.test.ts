// The logs pane's state and keys without rendering: opening, following and pausing, search and n/N,
// filter mode, invalid regexes, gap rows, interleaved targets and the save prompt.
import assert from 'node:assert/strict';
import {before, describe, it} from 'node:test';
import {appReducer, initialAppState, type AppAction, type AppState} from '../../source/state/core/app.js';
import {routeKey} from '../../source/state/input/input.js';
import {createKeyMap} from '../../source/state/input/keymap.js';
import {routeLogsKey} from '../../source/state/logs/log-input.js';
import {gapLine} from '../../source/state/logs/log-gaps.js';
import type {LogLine} from '../../source/state/logs/log-lines.js';
import {loadRegexEngine} from '../../source/hooks/regex-engine.js';
import {regexPending} from '../../source/state/logs/log-search.js';
import {logTargets} from '../../source/state/logs/log-targets.js';
import {logTitle} from '../../source/state/logs/log-title.js';
import {matchPosition, shownLines} from '../../source/state/logs/log-view.js';
import {parseWindow} from '../../source/state/logs/log-window.js';
import type {Container} from '../../source/state/core/model.js';

let serial = 0;
const makeContainer = (overrides: Partial<Container>): Container => ({
	id: `${String(++serial).padStart(4, '0')}${'ab'.repeat(30)}`,
	name: `container-${serial}`,
	image: 'dockpit-test/busybox:latest',
	command: 'sh',
	state: 'running',
	startedAt: 1_700_000_000_000,
	timesExact: true,
	createdAt: 1_699_000_000_000,
	ports: [],
	labels: {},
	...overrides,
});

function stateWith(containers: readonly Container[], ...actions: AppAction[]): AppState {
	let state = appReducer(initialAppState({endpoint: 'unix:///var/run/docker.sock', scope: []}), {
		type: 'containers/snapshot',
		containers,
	});
	for (const action of actions) state = appReducer(state, action);
	return state;
}

const keys = createKeyMap();
const web = makeContainer({name: 'web', labels: {'com.docker.compose.project': 'shop'}});
const db = makeContainer({name: 'db', labels: {'com.docker.compose.project': 'shop'}});
const other = makeContainer({name: 'other'});

const press = (state: AppState, ...names: string[]): AppState => {
	for (const name of names) {
		const key = {name, text: name.length === 1 ? name : ''};
		for (const effect of routeKey(state, key, keys)) {
			if (effect.type === 'dispatch') state = appReducer(state, effect.action);
		}
	}

	return state;
};

const type = (state: AppState, text: string) => press(state, ...[...text]);

const lines = (source: string, count: number, from = 0): LogLine[] =>
	Array.from({length: count}, (_, index) => {
		const n = from + index;
		const ts = `2026-11-23T18:00:00.${String(n).padStart(9, '0')}Z`;
		return {source, stream: 'stdout', ts, time: Date.parse(ts), text: `line ${n}${n % 10 === 5 ? ' needle' : ''}`};
	});

/** The logs of web open with 40 lines (needles at 5, 15, 25, 35), 10 lines on screen. */
function opened(): AppState {
	let state = stateWith([web, db, other]);
	state = appReducer(state, {type: 'ui/select', id: web.id, index: 0});
	state = press(state, 'l');
	state = appReducer(state, {type: 'logs/viewport', pageSize: 10});
	return appReducer(state, {type: 'logs/append', lines: lines(web.id, 40)});
}

const texts = (state: AppState) => shownLines(state.logs, state.logs.pageSize, 80).map(({line}) => line.text);

// First in the file: RE2 is not loaded yet, as in the moments after the pane opens (the pane loads it).
describe('a regex search before RE2 is loaded', () => {
	it('is pending, not an error, and is run once RE2 has arrived', async () => {
		let state = press(opened(), 'x', '/');
		state = press(type(state, 'needle|line 3$'), 'enter');
		assert.equal(state.ui.status?.tone === 'error', false, `no error said: ${state.ui.status?.text}`);
		const title = logTitle(state, keys);
		assert.deepEqual(
			title.find((part) => part.text === regexPending),
			{text: regexPending, tone: 'info'},
		);
		const early = press(state, 'n');
		assert.deepEqual(early.ui.status, {text: regexPending, tone: 'info'}, 'n says it is loading');
		await loadRegexEngine();
		state = appReducer(state, {type: 'logs/searchStep'});
		assert.deepEqual(matchPosition(state.logs).total, 5, 'needles at 5, 15, 25, 35 and line 3');
	});
});

describe('logs pane state', () => {
	before(loadRegexEngine);

	it('opens on l with the selected container, focused and following', () => {
		const state = opened();
		assert.equal(state.ui.panel, 'logs');
		assert.deepEqual(state.logs.targets, [web.id]);
		assert.ok(state.logs.focused && state.logs.follow);
		assert.equal(texts(state).at(-1), 'line 39');
	});

	it('pauses on scrolling up, counts new lines, and G resumes', () => {
		let state = press(opened(), 'k');
		assert.equal(state.logs.follow, false);
		assert.equal(texts(state)[0], 'line 29');
		state = appReducer(state, {type: 'logs/append', lines: lines(web.id, 3, 40)});
		assert.equal(texts(state)[0], 'line 29', 'a paused view does not move');
		assert.equal(state.logs.newWhilePaused, 3);
		assert.match(
			logTitle(state, keys)
				.map((part) => part.text)
				.join(' · '),
			/paused — 3 new lines/,
		);
		state = press(state, 'G');
		assert.ok(state.logs.follow);
		assert.equal(texts(state).at(-1), 'line 42');
	});

	it('searches with /, lands on the newest match, and n/N move between matches with a count', () => {
		let state = press(opened(), '/');
		state = type(state, 'needle');
		state = press(state, 'enter');
		assert.equal(state.logs.prompt, undefined);
		assert.deepEqual(matchPosition(state.logs), {index: 4, total: 4});
		assert.equal(state.logs.buffer.at(state.logs.current!)?.text, 'line 35 needle');
		state = press(state, 'N');
		assert.equal(state.logs.buffer.at(state.logs.current!)?.text, 'line 25 needle');
		assert.deepEqual(matchPosition(state.logs), {index: 3, total: 4});
		state = press(state, 'N', 'N');
		assert.equal(state.logs.buffer.at(state.logs.current!)?.text, 'line 5 needle');
		assert.ok(texts(state).includes('line 5 needle'), 'the view moved to the match');
		state = press(state, 'N');
		assert.equal(state.logs.buffer.at(state.logs.current!)?.text, 'line 35 needle', 'wraps around');
		state = press(state, 'n');
		assert.equal(state.logs.buffer.at(state.logs.current!)?.text, 'line 5 needle', 'wraps forward too');
	});

	it('filter mode shows only matching lines', () => {
		let state = press(opened(), '/');
		state = press(type(state, 'needle'), 'enter', 'f');
		assert.deepEqual(texts(state), ['line 5 needle', 'line 15 needle', 'line 25 needle', 'line 35 needle']);
		state = press(state, 'f');
		assert.equal(texts(state).length, 10);
	});

	it('says why its stream cannot open while the engine is lost, instead of "connecting…" until it is back', () => {
		let state = stateWith([web], {type: 'logs/targets', targets: [web.id]});
		const title = (current: AppState) => logTitle(current, keys).map((part) => part.text);
		assert.ok(title(state).includes('connecting…'));
		state = appReducer(state, {type: 'engine/disconnected', error: 'timed out after 8 s: the engine is not answering'});
		assert.ok(title(state).includes('timed out after 8 s: the engine is not answering'), title(state).join(' · '));
		assert.ok(!title(state).includes('connecting…'));
		state = appReducer(state, {type: 'engine/connected'});
		assert.ok(title(state).includes('connecting…'));
	});

	it('says what is wrong with an invalid regex instead of failing', () => {
		let state = press(opened(), 'x', '/');
		state = press(type(state, 'line ('), 'enter');
		assert.equal(state.ui.status?.tone, 'error');
		assert.match(state.ui.status?.text ?? '', /^Invalid regular expression/);
		assert.match(
			logTitle(state, keys)
				.map((part) => part.text)
				.join(' '),
			/Invalid regular expression/,
		);
		assert.equal(texts(state).length, 10, 'the lines are still shown');
		state = press(state, 'x');
		assert.deepEqual(matchPosition(state.logs).total, 0, 'as plain text it is a valid search with no match');
	});

	it('keeps at most the cap, and says how many gap rows it holds', () => {
		let state = appReducer(opened(), {type: 'logs/configure', cap: 100});
		state = appReducer(state, {type: 'logs/targets', targets: [web.id]});
		state = appReducer(state, {type: 'logs/append', lines: lines(web.id, 250)});
		assert.equal(state.logs.buffer.size, 100);
		const gap = gapLine(web.id, {
			reason: 'skipped',
			count: 5000,
			from: lines(web.id, 1, 249)[0]!.ts,
			to: lines(web.id, 1, 250)[0]!.ts,
		});
		state = appReducer(state, {type: 'logs/append', lines: [gap, ...lines(web.id, 10, 250)]});
		assert.equal(state.logs.buffer.size, 100);
		assert.match(
			logTitle(state, keys)
				.map((part) => part.text)
				.join(' '),
			/1 gap \(F fetches\)/,
		);
		assert.match(state.logs.buffer.at(state.logs.buffer.end - 11)!.text, /^5,000 lines skipped 18:00:00\.000–18:00:00\.000$/);
	});

	it('follows the marked containers, and a compose project with p', () => {
		let state = stateWith([web, db, other], {type: 'ui/markToggle', id: db.id}, {type: 'ui/markToggle', id: other.id});
		assert.deepEqual(logTargets(state), [db.id, other.id]);
		state = appReducer(state, {type: 'ui/markClear'});
		state = appReducer(state, {type: 'ui/select', id: web.id, index: 0});
		state = press(state, 'l', 'p');
		assert.equal(state.logs.project, 'shop');
		assert.deepEqual(new Set(state.logs.targets), new Set([web.id, db.id]));
		state = press(state, 'p');
		assert.deepEqual(state.logs.targets, [web.id]);
	});

	it('offers a save path named after the container and the time, and saves on Enter', () => {
		const state = opened();
		const [open] = routeLogsKey(state, {name: 's', text: 's'}, keys, Date.UTC(2026, 10, 23, 18, 9, 37)) ?? [];
		assert.ok(open?.type === 'dispatch' && open.action.type === 'logs/prompt');
		assert.equal(open.action.prompt?.editor.value, './web-2026-11-23T18-09-37.log');
		const prompted = appReducer(state, open.action);
		const effects = routeKey(prompted, {name: 'enter', text: ''}, keys);
		assert.ok(effects.some((effect) => effect.type === 'saveLogs' && effect.path === './web-2026-11-23T18-09-37.log'));
	});

	it('Esc gives the keys back to the list, and Esc there closes the pane', () => {
		let state = press(opened(), 'escape');
		assert.equal(state.ui.panel, 'logs');
		assert.equal(state.logs.focused, false);
		state = press(state, 'escape');
		assert.equal(state.ui.panel, 'none');
	});

	it('reads the window as lines, a duration or all', () => {
		assert.deepEqual(parseWindow('500'), {kind: 'tail', lines: 500});
		assert.deepEqual(parseWindow('10m'), {kind: 'since', ms: 600_000, text: '10m'});
		assert.deepEqual(parseWindow('all'), {kind: 'all'});
		assert.equal(parseWindow('soon'), undefined);
	});
});
