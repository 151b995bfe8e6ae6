// The details tabs rendered with a fake data source: what each tab shows, secrets masked until revealed,
// the stats stream opened only while its tab shows (and "—" for the first reading), and clean endings.
import assert from 'node:assert/strict';
import {afterEach, describe, it} from 'node:test';
import {render} from 'ink-testing-library';
import {DetailsPanel} from '../../source/components/DetailsPanel.js';
import {topRefreshMs} from '../../source/hooks/use-container-top.js';
import type {DetailsSource, StatsSubscription} from '../../source/session/details-source.js';
import {toContainerInfo} from '../../source/docker/container-details.js';
import {detailsReducer, type DetailsAction, type DetailsTab, type DetailsView} from '../../source/state/details/details.js';
import type {Container} from '../../source/state/core/model.js';
import {createKeyMap} from '../../source/state/input/keymap.js';
import type {StatsSample} from '../../source/state/details/stats.js';
import {createStore} from '../../source/session/store.js';
import {useAppState} from '../../source/hooks/use-app-state.js';
import {makeContainer} from '../helpers/fixtures.js';
import {waitFor} from '../helpers/wait.js';
import {frame, settle, waitForFrame, type Rendered} from '../helpers/ink.js';
import {busyLoopSamples} from '../helpers/stats-samples.js';

let cleanups: Array<() => void> = [];
afterEach(() => {
	for (const cleanup of cleanups) cleanup();
	cleanups = [];
});

const info = toContainerInfo({
	Id: 'c'.repeat(64),
	Name: '/api',
	Path: 'node',
	Args: ['server.js'],
	State: {Status: 'running', Running: true, Pid: 4242},
	Config: {Image: 'api:2', Env: ['DB_PASSWORD=hunter2', 'NODE_ENV=production'], ExposedPorts: {'3000/tcp': {}}},
	NetworkSettings: {Ports: {'3000/tcp': [{HostIp: '127.0.0.1', HostPort: '8300'}]}},
	Mounts: [{Type: 'bind', Source: '/srv/api', Destination: '/app', Mode: '', RW: false}],
});

type Fake = DetailsSource & {
	/** Open stats streams, by container id. */
	readonly streams: Map<string, {emit: (sample: StatsSample) => void; end: (reason: string) => void}>;
	topCalls: number;
};

function fakeSource(): Fake {
	const streams: Fake['streams'] = new Map();
	const fake: Fake = {
		streams,
		topCalls: 0,
		inspect: async () => info,
		async inspectResource() {
			throw new Error('a container panel reads no image, volume or network');
		},
		async top() {
			fake.topCalls++;
			return {titles: ['UID', 'PID', 'CMD'], processes: [['root', '4242', 'node server.js']]};
		},
		changes: async () => [
			{kind: 'C', path: '/tmp'},
			{kind: 'A', path: '/tmp/cache.db'},
			{kind: 'D', path: '/etc/motd'},
		],
		async stats(id, onSample): Promise<StatsSubscription> {
			let end: (reason: string) => void = () => undefined;
			const ended = new Promise<string>((resolve) => {
				end = resolve;
			});
			streams.set(id, {emit: onSample, end});
			return {
				close: () => streams.delete(id),
				ended,
			};
		},
	};
	return fake;
}

const api: Container = makeContainer({id: 'c'.repeat(64), name: 'api', state: 'running'});

/** Renders the panel on `tab`, with the reducer applied to what it dispatches, like the store would. */
function show(tab: DetailsTab, source: DetailsSource, container: Container | null = api, view?: Partial<DetailsView>) {
	let current: DetailsView = {...detailsReducer(undefined, {kind: 'open', id: api.id, name: 'api', tab})!, ...view};
	const dispatch = (action: DetailsAction) => {
		current = detailsReducer(current, action) ?? current;
	};

	const element = (next: Partial<DetailsView> = {}, who = container) => {
		current = {...current, ...next};
		return (
			<DetailsPanel
				view={current}
				container={who ?? undefined}
				source={source}
				height={14}
				width={90}
				dispatch={dispatch}
				keys={createKeyMap()}
			/>
		);
	};

	const rendered = render(element());
	cleanups.push(() => rendered.unmount());
	return {
		rendered,
		rerender: (next: Partial<DetailsView> = {}, who = container) => rendered.rerender(element(next, who)),
		view: () => current,
	};
}

const masked = (rendered: Rendered) => frame(rendered).includes('DB_PASSWORD=••••••••');

describe('DetailsPanel', () => {
	it('shows inspect as titled sections, with every tab named and the current one marked', async () => {
		const {rendered} = show('inspect', fakeSource());
		const text = await waitForFrame(rendered, 'Command');
		assert.match(text, /api · \[Inspect\] Env {2}Ports {2}Mounts {2}Top {2}Stats {2}Diff/);
		assert.match(text, /Command\s+node server\.js/);
		assert.match(text, /Image\s+api:2/);
		assert.match(text, /J: raw JSON/);
	});

	it('shows the raw JSON when asked, scrolled by the offset it reported', async () => {
		const {rendered, rerender, view} = show('inspect', fakeSource(), api, {raw: true});
		await waitForFrame(rendered, '"Id":');
		await waitFor(() => view().maxOffset > 0, {what: 'the long JSON to report how far it scrolls'});
		rerender({offset: view().maxOffset});
		const bottom = await waitForFrame(rendered, (text) => !text.includes('"Id":'));
		assert.match(bottom, /^\s*│\s*}\s*│$/m);
	});

	it('masks secret-looking env values until revealed', async () => {
		const {rendered, rerender} = show('env', fakeSource());
		await waitForFrame(rendered, 'NODE_ENV=production');
		assert.ok(masked(rendered));
		assert.ok(!frame(rendered).includes('hunter2'));
		assert.match(frame(rendered), /v: reveal/);
		rerender({revealed: true});
		await waitForFrame(rendered, 'DB_PASSWORD=hunter2');
	});

	it('masks secrets in the raw JSON too, until revealed', async () => {
		const secretive = toContainerInfo({
			Id: 'c'.repeat(64),
			Config: {
				Env: ['STRIPE_SK=sk_live_abc', 'DATABASE_URL=postgres://u:s3cr3t@db/app'],
				Labels: {conn: 'Server=x;Password=p4ss;Database=d'},
			},
		});
		const {rendered, rerender} = show('inspect', {...fakeSource(), inspect: async () => secretive}, api, {raw: true});
		const text = await waitForFrame(rendered, 'STRIPE_SK=');
		assert.match(text, /"STRIPE_SK=••••••••"/);
		assert.match(text, /"DATABASE_URL=postgres:\/\/u:••••••••@db\/app"/);
		assert.match(text, /"conn": "Server=x;Password=••••••••;Database=d"/);
		assert.ok(!/sk_live_abc|s3cr3t|p4ss/.test(text), 'no secret on screen');
		assert.match(text, /v: reveal/);
		rerender({revealed: true});
		const revealed = await waitForFrame(rendered, 'sk_live_abc');
		assert.match(revealed, /s3cr3t/);
		assert.match(revealed, /Password=p4ss/);
	});

	it('lists ports and mounts as tables', async () => {
		const ports = show('ports', fakeSource());
		const portText = await waitForFrame(ports.rendered, '3000/tcp');
		assert.match(portText, /3000\/tcp\s*│\s*127\.0\.0\.1:8300/);
		const mounts = show('mounts', fakeSource());
		const mountText = await waitForFrame(mounts.rendered, '/srv/api');
		assert.match(mountText, /bind\s*│\s*\/srv\/api\s*│\s*\/app\s*│\s*ro/);
	});

	it('lists processes in Top, asking only while the tab shows and the container runs', async () => {
		const source = fakeSource();
		const {rendered, rerender} = show('top', source);
		await waitForFrame(rendered, 'node server.js');
		assert.match(frame(rendered), /UID\s+PID\s+CMD/);
		const calls = source.topCalls;
		rerender({tab: 'diff'});
		await waitForFrame(rendered, 'A /tmp/cache.db');
		await settle(50);
		assert.equal(source.topCalls, calls, 'no top request once the tab is hidden');
		rerender({tab: 'top'}, {...api, state: 'exited'});
		await waitForFrame(rendered, 'api is not running: no processes');
	});

	it('asks for the processes again every two seconds while Top shows', async () => {
		const source = fakeSource();
		const {rendered} = show('top', source);
		await waitForFrame(rendered, 'node server.js');
		const started = Date.now();
		await waitFor(() => source.topCalls >= 2, {what: 'a second top request', timeout: 4000, interval: 50});
		assert.ok(Date.now() - started >= topRefreshMs - 500, 'not sooner than the refresh period');
	});

	it('shows the filesystem changes in Diff as A/C/D', async () => {
		const {rendered} = show('diff', fakeSource());
		const text = await waitForFrame(rendered, 'D /etc/motd');
		assert.match(text, /C \/tmp\s/);
		assert.match(text, /A \/tmp\/cache\.db/);
	});

	it('opens the stats stream only while Stats shows; the first reading reads "—", the next a real CPU %', async () => {
		const source = fakeSource();
		const {rendered, rerender} = show('inspect', source);
		await waitForFrame(rendered, 'Command');
		assert.equal(source.streams.size, 0, 'no stream for a hidden tab');
		rerender({tab: 'stats'});
		await waitForFrame(rendered, 'Waiting for the first reading');
		assert.equal(source.streams.size, 1);
		const stream = source.streams.get(api.id)!;
		stream.emit(busyLoopSamples[0]!);
		const first = await waitForFrame(rendered, 'Live · 1 reading');
		assert.match(first, /CPU\s+—/);
		assert.match(first, /Memory\s+604\.0KiB \/ 23\.5GiB/);
		stream.emit(busyLoopSamples[1]!);
		const second = await waitForFrame(rendered, 'Live · 2 readings');
		assert.match(second, /CPU\s+99\.39%/);
		rerender({tab: 'diff'});
		await waitForFrame(rendered, 'D /etc/motd');
		assert.equal(source.streams.size, 0, 'the stream closed with the tab');
	});

	it('ends the stats cleanly when the engine ends the stream or the container stops', async () => {
		const source = fakeSource();
		const {rendered, rerender} = show('stats', source);
		await waitForFrame(rendered, 'Waiting for the first reading');
		source.streams.get(api.id)!.end('the engine ended the stats stream');
		await waitForFrame(rendered, 'Stats stopped: the engine ended the stats stream');
		rerender({}, {...api, state: 'exited'});
		await waitForFrame(rendered, 'Stats stopped: api is not running');
		assert.equal(source.streams.size, 0);
	});

	it('reads inspect again for a new run, not when the row only learns the exact start of the run it read', async () => {
		// The list estimates a row's start ("Up 2 hours") until the row has stayed on screen; then its exact
		// times are read. That is the same run this panel inspected: reading it again would redraw the tab
		// under a person reading it.
		const started = Date.UTC(2026, 0, 15, 10, 0, 7, 250);
		const restarted = started + 3_600_000;
		const answer = (at: number) =>
			toContainerInfo({
				Id: 'c'.repeat(64),
				Name: '/api',
				State: {Status: 'running', Running: true, StartedAt: new Date(at).toISOString()},
			});
		let runStart = started;
		let reads = 0;
		const source: DetailsSource = {
			...fakeSource(),
			async inspect() {
				reads++;
				return answer(runStart);
			},
		};
		const estimated = {...api, startedAt: Date.UTC(2026, 0, 15, 10, 0, 0), timesExact: false};
		const {rendered, rerender} = show('inspect', source, estimated);
		await waitForFrame(rendered, 'Command');
		await settle();
		assert.equal(reads, 1);
		rerender({}, {...api, startedAt: started, timesExact: true});
		await settle();
		assert.equal(reads, 1, 'the exact start of the run already read is not a reason to read again');
		runStart = restarted;
		rerender({}, {...api, startedAt: restarted, timesExact: true});
		await waitFor(() => reads === 2, {what: 'inspect read again for the new run'});
		rerender({}, {...api, state: 'exited', startedAt: restarted, timesExact: true});
		await waitFor(() => reads === 3, {what: 'inspect read again once it stopped'});
	});

	it('says so when the container is gone', async () => {
		const {rendered} = show('inspect', fakeSource(), null);
		await waitForFrame(rendered, 'api no longer exists');
	});
	it("reports a stopped container's lines once, not on every render (wired to the store, that looped: React error #185)", async () => {
		// As DetailsSlot wires it: the view lives in the session's store, read with useSyncExternalStore, and the
		// panel's dispatch goes to that store. A value the panel rebuilt on every render made it report new
		// lines from each render's effect, which changed the store, which rendered it again.
		const idle = makeContainer({id: 'c'.repeat(64), name: 'api', state: 'exited'});
		const store = createStore(
			(view: DetailsView, action: DetailsAction) => detailsReducer(view, action) ?? view,
			detailsReducer(undefined, {kind: 'open', id: idle.id, name: 'api', tab: 'inspect'})!,
		);
		let reported = 0;
		const dispatch = (action: DetailsAction) => {
			if (action.kind === 'lines') reported++;
			store.dispatch(action);
		};

		const source = fakeSource();
		const errors: unknown[] = [];
		function Wired() {
			const view = useAppState(store as never) as unknown as DetailsView;
			return (
				<DetailsPanel
					view={view}
					container={idle}
					source={source}
					height={14}
					width={90}
					dispatch={dispatch}
					keys={createKeyMap()}
				/>
			);
		}

		const original = console.error;
		console.error = (...args: unknown[]) => errors.push(args);
		try {
			const rendered = render(<Wired />);
			cleanups.push(() => rendered.unmount());
			await waitForFrame(rendered, 'Command');
			await settle();
			const settled = reported;
			await settle();
			assert.equal(reported, settled, 'no further lines reported once the text stopped changing');
			assert.ok(reported <= 3, `lines reported ${reported} times for two texts (Loading…, then the inspect)`);
			assert.deepEqual(errors, []);
		} finally {
			console.error = original;
		}
	});
});
