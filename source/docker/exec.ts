// The streams behind an exec shell and an attach: a hijacked, raw connection to a process in the
// container, its resize call, and how the session ended (exit code, detach, or the container stopping).
import type Dockerode from 'dockerode';
import type {Duplex} from 'node:stream';
import {setTimeout as delay} from 'node:timers/promises';
import {detachKeys, execCommand, type ExecOutcome, type ExecRequest} from '../state/details/exec.js';
import {deadlines, type Engine} from './engine.js';
import {toEngineError} from './errors.js';
import {createDemuxer} from './streams/demux.js';

export type TerminalSize = {readonly columns: number; readonly rows: number};

export type ProcessStream = {
	/** Sends keys to the process. */
	readonly write: (data: string | Buffer) => void;
	readonly resize: (size: TerminalSize) => void;
	/** Resolves once the connection has ended, with why. */
	readonly done: Promise<ExecOutcome>;
	/** Ends the connection from this side (the process keeps running). */
	readonly close: () => void;
};

type Output = {readonly write: (data: Buffer) => unknown};

type ContainerState = {running: boolean; exitCode?: number; engineLost?: string};

async function containerState(engine: Engine, container: Dockerode.Container): Promise<ContainerState> {
	try {
		const info = await engine.within(container.inspect());
		return {running: info.State.Running && !info.State.Paused, exitCode: info.State.ExitCode};
	} catch (error) {
		// 404: removed while the session was open. Anything else: the engine itself is gone (daemon died).
		const failure = toEngineError(error);
		return failure.kind === 'not-found' ? {running: false} : {running: false, engineLost: failure.message};
	}
}

/** How the session ended once its container is no longer running (or the engine no longer answers). */
const stoppedOutcome = (state: ContainerState): ExecOutcome =>
	state.engineLost === undefined
		? {kind: 'container-stopped', code: state.exitCode}
		: {kind: 'engine-lost', message: state.engineLost};

function ended(stream: Duplex): Promise<void> {
	return new Promise((resolve) => {
		stream.once('end', resolve);
		stream.once('close', resolve);
		stream.once('error', () => resolve());
	});
}

/** Waits after a failed first resize: 10, 20 … 100 ms, as docker's own CLI does (docker/cli#3573). */
const firstSizeRetriesMs = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
/**
 * When the first size is sent once more: an engine can also drop it without an error while the process
 * starts, leaving its TTY at 0×0 (moby#25450; seen here as `stty size` failing in a new shell). The same
 * size again is free: the kernel signals a TTY's process only when its size changes.
 */
const firstSizeAgainMs = 250;

/**
 * Gives a new TTY its size: `send` sends the size wanted now (a resize meanwhile changes it), retried
 * while the engine refuses it, and sent once more a moment later. Stops as soon as `live` says the
 * session is over.
 */
export async function sendFirstSize(
	send: () => Promise<unknown>,
	live: () => boolean,
	wait: (ms: number) => Promise<unknown> = delay,
): Promise<void> {
	for (let attempt = 0; ; attempt++) {
		if (!live()) return;
		try {
			await send();
			break;
		} catch {
			// Not started yet, or the engine is busy: docker's own CLI tries again too.
			const pause = firstSizeRetriesMs[attempt];
			if (pause === undefined) return;
			await wait(pause);
		}
	}

	await wait(firstSizeAgainMs);
	if (live()) await send().catch(() => undefined);
}

/**
 * A TTY's size kept by the engine: `apply` sends it now, and the returned function sends a new one. A new
 * TTY's first size is made sure of (sendFirstSize); the sends stop mattering once `closed` resolves.
 */
function keepSize(
	initial: TerminalSize,
	apply: (size: TerminalSize) => Promise<unknown>,
	closed: Promise<void>,
	newTty: boolean,
): (size: TerminalSize) => void {
	let wanted = initial;
	let over = false;
	void closed.then(() => {
		over = true;
	});
	const send = async () => apply(wanted);
	if (newTty) void sendFirstSize(send, () => !over);
	else send().catch(() => undefined);
	return (next) => {
		wanted = next;
		send().catch(() => {
			// The process may already have ended: the stream's end says so.
		});
	};
}

/** Runs a shell or a command with a TTY in a running container, its output going to `output`. */
export async function openExec(
	engine: Engine,
	request: Exclude<ExecRequest, {kind: 'attach'}>,
	size: TerminalSize,
	output: Output,
): Promise<ProcessStream> {
	const container = engine.docker.getContainer(request.id);
	try {
		const exec = await engine.within(
			container.exec({
				Cmd: execCommand(request),
				AttachStdin: true,
				AttachStdout: true,
				AttachStderr: true,
				Tty: true,
				// The first size with the request, where the engine knows it (API 1.42 and later; older ones ignore it).
				ConsoleSize: [size.rows, size.columns],
				// The engine sets TERM=xterm for a TTY exec; the person's own terminal type is closer to the truth.
				Env: process.env['TERM'] ? [`TERM=${process.env['TERM']}`] : [],
			}),
			deadlines.opMs,
		);
		const stream = (await engine.within(
			// The start request carries the first size too (API 1.42); the types have not caught up with it.
			exec.start({hijack: true, stdin: true, Tty: true, ConsoleSize: [size.rows, size.columns]} as Dockerode.ExecStartOptions),
			deadlines.subscribeMs,
		)) as Duplex;
		stream.on('data', (chunk: Buffer) => output.write(chunk));
		const closed = ended(stream);
		const resize = keepSize(size, async ({columns, rows}) => exec.resize({h: rows, w: columns}), closed, true);
		const done = closed.then(async (): Promise<ExecOutcome> => {
			const info = await engine.within(exec.inspect()).catch(() => undefined);
			const code = info?.ExitCode ?? undefined;
			// A killed exec (no code, or 128+signal) may mean the container is going down: the engine ends
			// the exec's stream a moment before it records the container as stopped, so look a few times.
			const checks = code === undefined || code >= 128 ? 8 : 1;
			for (let check = 1; ; check++) {
				const state = await containerState(engine, container);
				if (!state.running) return stoppedOutcome(state);
				if (check >= checks) return {kind: 'exited', code};
				await delay(125);
			}
		});
		return {write: (data) => stream.write(data), resize, done, close: () => stream.destroy()};
	} catch (error) {
		throw toEngineError(error);
	}
}

/** Attaches to the container's main process; output in the container's own framing (raw for a TTY). */
export async function openAttach(
	engine: Engine,
	request: Extract<ExecRequest, {kind: 'attach'}>,
	size: TerminalSize,
	output: Output,
): Promise<ProcessStream & {readonly tty: boolean; readonly openStdin: boolean}> {
	const container = engine.docker.getContainer(request.id);
	try {
		const info = await engine.within(container.inspect());
		if (!request.start && !info.State.Running) throw new Error('it is not running');
		if (request.start && info.State.Running) throw new Error('it is already running');
		const tty = info.Config.Tty;
		const stream = (await engine.within(
			container.attach({stream: true, stdin: true, stdout: true, stderr: true, hijack: true, detachKeys}),
			deadlines.subscribeMs,
		)) as Duplex;
		// Without a TTY the stream is multiplexed; stdout and stderr both go to the terminal.
		const demuxer = tty ? undefined : createDemuxer((_stream, payload) => output.write(payload));
		stream.on('data', (chunk: Buffer) => (demuxer ? demuxer.write(chunk) : output.write(chunk)));
		// docker start -ai: attached first, so nothing the process prints at start-up is missed.
		if (request.start) {
			try {
				await container.start();
			} catch (error) {
				stream.destroy();
				throw error;
			}
		}

		const closed = ended(stream);
		// A container started here gets a new TTY, as an exec does; one already running keeps its own.
		const resize = tty
			? keepSize(size, async ({columns, rows}) => container.resize({h: rows, w: columns}), closed, request.start === true)
			: () => undefined;
		const done = closed.then(async (): Promise<ExecOutcome> => {
			const state = await containerState(engine, container);
			return state.running ? {kind: 'detached'} : stoppedOutcome(state);
		});
		return {
			write: (data) => stream.write(data),
			resize,
			done,
			close: () => stream.destroy(),
			tty,
			openStdin: info.Config.OpenStdin,
		};
	} catch (error) {
		throw toEngineError(error);
	}
}
