// When sockets are read (docker/streams/read-gate.ts): gated sockets are read only when the gate opens, all
// at once, and read freely again once ungated; a socket read in turns stops for the rest of a turn of the
// event loop once its handling passes the budget. Real sockets on a Unix socket; an ungated socket fed the same
// bytes shows when a gated one would have read them.
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {PassThrough} from 'node:stream';
import {after, before, describe, it} from 'node:test';
import {createReadGate, readInTurns, type GateTimers} from '../../source/docker/streams/read-gate.js';

/** Timers the test drives: the period never fires by itself, and setImmediate is real. */
function handTimers() {
	const intervals = new Map<number, number>();
	let next = 0;
	const timers: GateTimers = {
		setInterval(_run, ms) {
			intervals.set(++next, ms);
			return next;
		},
		clearInterval(timer) {
			intervals.delete(timer as number);
		},
		setImmediate(run) {
			setImmediate(run);
		},
	};
	return {timers, running: () => intervals.size, periods: () => [...intervals.values()]};
}

async function until(check: () => boolean, what: string) {
	const deadline = Date.now() + 5000;
	while (!check()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
}

const received = (socket: net.Socket | http.IncomingMessage) => {
	const got = {text: ''};
	socket.on('data', (chunk: Buffer) => {
		got.text += chunk.toString('utf8');
	});
	return got;
};

describe('read gate', () => {
	let dir: string;
	let socketPath: string;
	let server: net.Server;
	const serverSide: net.Socket[] = [];

	before(async () => {
		dir = mkdtempSync(path.join(tmpdir(), 'dockpit-gate-'));
		socketPath = path.join(dir, 'gate.sock');
		server = net.createServer((socket) => serverSide.push(socket));
		await new Promise<void>((resolve) => server.listen(socketPath, resolve));
	});

	after(async () => {
		for (const socket of serverSide) socket.destroy();
		await new Promise((resolve) => server.close(resolve));
		rmSync(dir, {recursive: true, force: true});
	});

	/** A connected pair: our end, and the server's end that writes to it. */
	async function pair(): Promise<{client: net.Socket; writer: net.Socket}> {
		const count = serverSide.length;
		const client = net.connect(socketPath);
		await new Promise((resolve) => client.once('connect', resolve));
		await until(() => serverSide.length > count, 'the server side');
		return {client, writer: serverSide.at(-1)!};
	}

	const write = async (socket: net.Socket, text: string) =>
		new Promise<void>((resolve, reject) => socket.write(text, (error) => (error ? reject(error) : resolve())));

	it('holds what arrives while closed, reads every gated socket when it opens, and closes again after', async () => {
		const {timers, running} = handTimers();
		const gate = createReadGate(1000, timers);
		const control = await pair();
		const first = await pair();
		const second = await pair();
		const controlGot = received(control.client);
		const firstGot = received(first.client);
		const secondGot = received(second.client);
		const ungateFirst = gate.add(first.client);
		const ungateSecond = gate.add(second.client);
		assert.equal(running(), 1, 'one period timer for every gated stream');

		await Promise.all([write(control.writer, 'a'), write(first.writer, 'a'), write(second.writer, 'b')]);
		await until(() => controlGot.text === 'a', 'the ungated socket to read');
		await new Promise((resolve) => setTimeout(resolve, 30));
		assert.equal(firstGot.text, '');
		assert.equal(secondGot.text, '');

		gate.open();
		await until(() => firstGot.text === 'a' && secondGot.text === 'b', 'both gated sockets to read at the opening');

		await Promise.all([write(control.writer, 'c'), write(first.writer, 'c')]);
		await until(() => controlGot.text === 'ac', 'the ungated socket to read again');
		await new Promise((resolve) => setTimeout(resolve, 30));
		assert.equal(firstGot.text, 'a', 'closed again after the opening');

		ungateFirst();
		await until(() => firstGot.text === 'ac', 'an ungated socket to read what was held');
		await write(first.writer, 'd');
		await until(() => firstGot.text === 'acd', 'an ungated socket to read as data comes');
		assert.equal(running(), 1);
		ungateSecond();
		assert.equal(running(), 0, 'the timer stops with the last gated stream');
		for (const socket of [control.client, first.client, second.client]) socket.destroy();
	});

	it('pace sets the period from then on: the running timer is replaced, a timer started later uses it', async () => {
		const {timers, periods} = handTimers();
		const gate = createReadGate(1000, timers);
		gate.pace(2000);
		assert.deepEqual(periods(), [], 'no timer while nothing is gated');
		const {client} = await pair();
		const ungate = gate.add(client);
		assert.deepEqual(periods(), [2000]);
		gate.pace(4000);
		assert.deepEqual(periods(), [4000], 'the old period timer is gone');
		gate.pace(4000);
		gate.pace(1000);
		assert.deepEqual(periods(), [1000]);
		ungate();
		assert.deepEqual(periods(), []);
		client.destroy();
	});

	it('gates an http response through its socket, and sees the end of a stream that ended while closed', async () => {
		const httpServer = http.createServer((_request, response) => {
			response.writeHead(200, {'Content-Type': 'application/json'});
			response.write('{"n":1}\n');
			httpServer.emit('wrote', response);
		});
		const httpSocket = path.join(dir, 'http.sock');
		await new Promise<void>((resolve) => httpServer.listen(httpSocket, resolve));
		const responses: http.ServerResponse[] = [];
		httpServer.on('wrote', (response: http.ServerResponse) => responses.push(response));

		const {timers} = handTimers();
		const gate = createReadGate(1000, timers);
		const response = await new Promise<http.IncomingMessage>((resolve) => {
			http.get({socketPath: httpSocket, path: '/containers/x/stats?stream=1'}, resolve);
		});
		const got = received(response);
		let ended = false;
		response.on('end', () => {
			ended = true;
		});
		await until(() => got.text === '{"n":1}\n', 'the first sample');
		gate.add(response);

		responses[0]!.write('{"n":2}\n');
		responses[0]!.end();
		await new Promise((resolve) => setTimeout(resolve, 50));
		assert.equal(got.text, '{"n":1}\n', 'nothing read while closed');
		assert.equal(ended, false);

		gate.open();
		await until(() => ended, 'the end of the stream');
		assert.equal(got.text, '{"n":1}\n{"n":2}\n');
		gate.stop();
		await new Promise((resolve) => httpServer.close(resolve));
	});

	it('reads in turns: past the budget, a socket is not read again until the turn ends', async () => {
		const immediates: Array<() => void> = [];
		const control = await pair();
		const loud = await pair();
		const controlGot = received(control.client);
		const loudGot = {text: ''};
		// A budget of 0 is spent by the first chunk of every turn.
		const spent = readInTurns(loud.client, {turnMs: 0}, {setImmediate: (run) => immediates.push(run), setTimeout});
		loud.client.on('data', (chunk: Buffer) => {
			spent(chunk.length);
			loudGot.text += chunk.toString('utf8');
		});

		await write(loud.writer, 'a');
		await until(() => loudGot.text === 'a', 'the first chunk');
		assert.equal(immediates.length, 1, 'the turn ends at the next immediate');
		await Promise.all([write(control.writer, 'x'), write(loud.writer, 'b')]);
		await until(() => controlGot.text === 'x', 'the other socket to read');
		await new Promise((resolve) => setTimeout(resolve, 30));
		assert.equal(loudGot.text, 'a', 'not read again within the turn');

		immediates.shift()!();
		await until(() => loudGot.text === 'ab', 'the next turn to read what waited');
		for (const socket of [control.client, loud.client]) socket.destroy();
	});

	it("reads at most a window's bytes: past them, a socket waits for the window's end, whatever the turns", async () => {
		const rests: Array<{run: () => void; ms: number}> = [];
		const loud = await pair();
		const got = {text: ''};
		// Turns never stop it (a generous budget); 4 bytes per window of 1 s do.
		let full = 0;
		const spent = readInTurns(
			loud.client,
			{
				turnMs: 60_000,
				window: {
					ms: 1000,
					bytes: 4,
					onFull() {
						full++;
					},
				},
			},
			{setImmediate, setTimeout: (run, ms) => rests.push({run, ms})},
		);
		loud.client.on('data', (chunk: Buffer) => {
			spent(chunk.length);
			got.text += chunk.toString('utf8');
		});

		await write(loud.writer, 'ab');
		await until(() => got.text === 'ab', 'the first chunk');
		assert.equal(rests.length, 0, "under the window's bytes, no rest");
		await write(loud.writer, 'cd');
		await until(() => got.text === 'abcd', 'the second chunk');
		assert.equal(rests.length, 1, "the window's bytes are in: a rest until its end");
		assert.equal(full, 1, 'and the reader is told');
		assert.ok(rests[0]!.ms > 900 && rests[0]!.ms <= 1000, `rests for the rest of the window (${rests[0]!.ms} ms)`);
		await write(loud.writer, 'ef');
		// Several turns go round meanwhile: none of them reads the socket again.
		await new Promise((resolve) => setTimeout(resolve, 50));
		assert.equal(got.text, 'abcd', 'not read while resting');

		rests.shift()!.run();
		await until(() => got.text === 'abcdef', 'what waited, once the window ended');
		assert.equal(rests.length, 0, 'a new window has its own bytes');
		loud.client.destroy();
	});

	it('leaves alone a stream with no socket of its own, and a socket destroyed while gated', async () => {
		const {timers, running} = handTimers();
		const gate = createReadGate(1000, timers);
		const plain = new PassThrough();
		const ungatePlain = gate.add(plain);
		assert.equal(running(), 0, 'nothing gated, no timer');
		ungatePlain();
		const spent = readInTurns(plain, {turnMs: 0, window: {ms: 100, bytes: 1}});
		spent(10);
		assert.equal(plain.isPaused(), false);

		const {client} = await pair();
		const ungate = gate.add(client);
		client.destroy();
		await new Promise((resolve) => client.once('close', resolve));
		gate.open();
		ungate();
		assert.equal(running(), 0);
	});
});
