// The containers feed against a fake engine: re-reads that lose a race with a destroy, one list read
// after a burst of events, and a request past its deadline reported as an engine that is not answering.
import assert from 'node:assert/strict';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {it} from 'node:test';
import {deadlines, Engine} from '../../source/docker/engine.js';
import {EngineError} from '../../source/docker/errors.js';
import type {ApiContainer, ApiEvent} from '../../source/docker/mapping.js';
import {startContainerFeed, type ContainerFeedEvent} from '../../source/docker/streams/container-feed.js';
import type {Container} from '../../source/state/core/model.js';

const apiRow = (id: string): ApiContainer =>
	({
		Id: id,
		Names: [`/${id}`],
		Image: 'busybox',
		State: 'running',
		Status: 'Up',
		Created: 1,
		Labels: {},
	}) as unknown as ApiContainer;

/** A fake engine: an event stream the test feeds, lists and inspects it answers, and subscriptions it counts. */
function fakeEngine() {
	let send: ((event: ApiEvent) => void) | undefined;
	const subscriptions: number[] = [];
	const lists: number[] = [];
	const inspects = new Map<string, (container: Container | undefined) => void>();
	let unanswered: (() => void) | undefined;
	let rows: ApiContainer[] = [];
	const timesAsked: string[] = [];
	// When set, the version is answered only when the test says so.
	let heldVersion: Promise<void> | undefined;
	const engine = {
		async events(_options: unknown, onEvent: (event: ApiEvent) => void) {
			send = onEvent;
			subscriptions.push(Date.now());
			let close!: (reason: string) => void;
			const closed = new Promise<string>((resolve) => {
				close = resolve;
			});
			return {close: () => close('closed'), closed};
		},
		async listContainers() {
			lists.push(Date.now());
			return rows;
		},
		async version() {
			await heldVersion;
			return {Version: '20.10'};
		},
		async containerTimes(id: string) {
			timesAsked.push(id);
			return {startedAt: 5};
		},
		findContainer(id: string) {
			return new Promise<Container | undefined>((resolve) => inspects.set(id, resolve));
		},
		onUnanswered(listener: () => void) {
			unanswered = listener;
			return () => {
				unanswered = undefined;
			};
		},
	};
	return {
		engine: engine as unknown as Engine,
		event: (id: string, action: string) =>
			send?.({Type: 'container', Action: action, Actor: {ID: id, Attributes: {name: id}}, time: 1} as ApiEvent),
		answerInspect: (id: string, container: Container | undefined) => inspects.get(id)?.(container),
		setRows(ids: string[]) {
			rows = ids.map(apiRow);
		},
		timeout: () => unanswered?.(),
		/** Holds the version's answer; the function returned gives it. */
		holdVersion() {
			let give!: () => void;
			heldVersion = new Promise<void>((resolve) => {
				give = resolve;
			});
			return give;
		},
		subscriptions,
		lists,
		timesAsked,
	};
}

async function waitFor(check: () => boolean, timeoutMs = 3000): Promise<void> {
	const until = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > until) throw new Error(`not within ${timeoutMs} ms`);
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}

function feedWith(
	fake: ReturnType<typeof fakeEngine>,
	extra: {burstEvents?: number; settleMs?: number; exactTimes?: boolean} = {},
) {
	const seen: ContainerFeedEvent[] = [];
	const feed = startContainerFeed({
		engine: fake.engine,
		scope: {},
		emit: (event) => seen.push(event),
		exactTimes: false,
		retryMs: 50,
		...extra,
	});
	return {feed, seen};
}

it('does not bring a row back when its re-read answers after the destroy ("Removal In Progress")', async () => {
	const fake = fakeEngine();
	fake.setRows(['a']);
	const {feed, seen} = feedWith(fake);
	try {
		await waitFor(() => seen.some((event) => event.type === 'connected'));
		fake.event('a', 'kill');
		fake.event('a', 'destroy');
		fake.answerInspect('a', {id: 'a', name: 'a', state: 'removing'} as unknown as Container);
		await new Promise((resolve) => setTimeout(resolve, 50));
		assert.deepEqual(
			seen.filter((event) => event.type === 'upsert'),
			[],
			'a late re-read must not upsert a destroyed container',
		);
	} finally {
		feed.stop();
	}
});

it('says nothing once stopped, even when a list or version asked before the stop answers after it', async () => {
	// A context switch stops the old engine's feed while its first version is on its way: a late "connected"
	// from the old engine read as the new one's answer ("Now on context …" for an engine that refuses).
	const fake = fakeEngine();
	fake.setRows(['a']);
	const give = fake.holdVersion();
	const {feed, seen} = feedWith(fake);
	await waitFor(() => seen.some((event) => event.type === 'snapshot'));
	feed.stop();
	give();
	await new Promise((resolve) => setTimeout(resolve, 50));
	assert.deepEqual(
		seen.map((event) => event.type),
		['snapshot'],
		'no event after stop()',
	);
});

it('reads the list once after a burst of events has settled, and not for a few events', async () => {
	const fake = fakeEngine();
	fake.setRows(Array.from({length: 12}, (_, index) => `c${index}`));
	const {feed, seen} = feedWith(fake, {burstEvents: 10, settleMs: 100});
	try {
		await waitFor(() => seen.some((event) => event.type === 'connected'));
		const listsAtStart = fake.lists.length;
		for (let index = 0; index < 3; index++) fake.event(`c${index}`, 'destroy');
		await new Promise((resolve) => setTimeout(resolve, 300));
		assert.equal(fake.lists.length, listsAtStart, 'three events are no burst');

		fake.setRows(['c11']);
		for (let index = 0; index < 11; index++) fake.event(`c${index}`, 'destroy');
		await waitFor(() => fake.lists.length > listsAtStart);
		await new Promise((resolve) => setTimeout(resolve, 300));
		assert.equal(fake.lists.length, listsAtStart + 1, 'one list read for the burst');
		const last = seen.at(-1);
		assert.equal(last?.type, 'snapshot');
		assert.deepEqual(last.type === 'snapshot' && last.containers.map((container) => container.id), ['c11']);
	} finally {
		feed.stop();
	}
});

it('reads the list even while events keep coming, at most 4× the settle time after the burst began', async () => {
	const fake = fakeEngine();
	const {feed, seen} = feedWith(fake, {burstEvents: 5, settleMs: 100});
	try {
		await waitFor(() => seen.some((event) => event.type === 'connected'));
		const listsAtStart = fake.lists.length;
		const began = Date.now();
		const steady = setInterval(() => fake.event('x', 'destroy'), 20);
		try {
			await waitFor(() => fake.lists.length > listsAtStart, 2000);
		} finally {
			clearInterval(steady);
		}

		assert.ok(Date.now() - began < 700, `the list came ${Date.now() - began} ms after the burst began`);
	} finally {
		feed.stop();
	}
});

it('says the engine is not answering when a request passes its deadline, and subscribes again', async () => {
	const fake = fakeEngine();
	const {feed, seen} = feedWith(fake);
	try {
		await waitFor(() => seen.some((event) => event.type === 'connected'));
		fake.timeout();
		await waitFor(() => seen.some((event) => event.type === 'disconnected'));
		assert.deepEqual(
			seen.find((event) => event.type === 'disconnected'),
			{type: 'disconnected', error: 'the engine is not answering'},
		);
		await waitFor(() => fake.subscriptions.length === 2);
		await waitFor(() => seen.filter((event) => event.type === 'connected').length === 2);
	} finally {
		feed.stop();
	}
});

it('gives up on a request the engine does not answer, with a timeout error, and tells its listeners', async (t) => {
	const socketPath = path.join(os.tmpdir(), `dockpit-silent-${process.pid}-${Date.now()}.sock`);
	const held: net.Socket[] = [];
	const server = net.createServer((socket) => held.push(socket));
	await new Promise<void>((resolve) => server.listen(socketPath, resolve));
	const saved = deadlines.readMs;
	deadlines.readMs = 300;
	t.after(() => {
		deadlines.readMs = saved;
		for (const socket of held) socket.destroy();
		server.close();
	});
	const engine = new Engine({kind: 'unix', socketPath, url: `unix://${socketPath}`});
	let told = 0;
	engine.onUnanswered(() => told++);
	const began = Date.now();
	await assert.rejects(engine.listContainers({}), (error: unknown) => {
		assert.ok(error instanceof EngineError);
		assert.equal(error.kind, 'timeout');
		assert.equal(error.message, 'timed out after 300 ms: the engine is not answering');
		return true;
	});
	assert.ok(Date.now() - began < 2000);
	assert.equal(told, 1);
	engine.close();
});

it('still re-reads a created container and shows it', async () => {
	const fake = fakeEngine();
	const {feed, seen} = feedWith(fake);
	try {
		await waitFor(() => seen.some((event) => event.type === 'connected'));
		fake.event('n', 'create');
		await waitFor(() => seen.some((event) => event.type === 'event'));
		fake.answerInspect('n', {id: 'n', name: 'n', state: 'created'} as unknown as Container);
		await waitFor(() => seen.some((event) => event.type === 'upsert' && event.container.id === 'n'));
	} finally {
		feed.stop();
	}
});

it('reads exact times only for the rows it is told are on screen, once each, handed on in one batch', async () => {
	const fake = fakeEngine();
	fake.setRows(['a', 'b', 'c', 'd']);
	const {feed, seen} = feedWith(fake, {exactTimes: true});
	feed.wantTimes(['a', 'c']);
	await waitFor(() => seen.some((event) => event.type === 'times'));
	// A thousand rows would be a thousand inspects at start; only the rows on screen are read.
	assert.deepEqual([...fake.timesAsked].sort(), ['a', 'c']);
	const batches = seen.filter((event) => event.type === 'times');
	assert.deepEqual(batches, [
		{
			type: 'times',
			times: [
				{id: 'a', startedAt: 5},
				{id: 'c', startedAt: 5},
			],
		},
	]);
	// Rows already read are not read again; a row that scrolls in is.
	feed.wantTimes(['a', 'c', 'd']);
	await waitFor(() => fake.timesAsked.length === 3);
	await new Promise((resolve) => setTimeout(resolve, 200));
	assert.deepEqual([...fake.timesAsked].sort(), ['a', 'c', 'd']);
	feed.stop();
});
