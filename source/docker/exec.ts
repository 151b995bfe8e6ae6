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
				// The engine sets TERM=xterm for a TTY exec; the person's own terminal type is closer to the truth.
				Env: process.env['TERM'] ? [`TERM=${process.env['TERM']}`] : [],
			}),
			deadlines.opMs,
		);
		const stream = (await engine.within(exec.start({hijack: true, stdin: true, Tty: true}), deadlines.subscribeMs)) as Duplex;
		stream.on('data', (chunk: Buffer) => output.write(chunk));
		const resize = ({columns, rows}: TerminalSize) => {
			exec.resize({h: rows, w: columns}).catch(() => {
				// The exec may already have ended; the next frame is the dashboard anyway.
			});
		};

		resize(size);
		const done = ended(stream).then(async (): Promise<ExecOutcome> => {
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
		if (!info.State.Running) throw new Error('it is not running');
		const tty = info.Config.Tty;
		const stream = (await engine.within(
			container.attach({stream: true, stdin: true, stdout: true, stderr: true, hijack: true, detachKeys}),
			deadlines.subscribeMs,
		)) as Duplex;
		// Without a TTY the stream is multiplexed; stdout and stderr both go to the terminal.
		const demuxer = tty ? undefined : createDemuxer((_stream, payload) => output.write(payload));
		stream.on('data', (chunk: Buffer) => (demuxer ? demuxer.write(chunk) : output.write(chunk)));
		const resize = ({columns, rows}: TerminalSize) => {
			if (!tty) return;
			container.resize({h: rows, w: columns}).catch(() => {
				// Stopped meanwhile: the stream's end says so.
			});
		};

		resize(size);
		const done = ended(stream).then(async (): Promise<ExecOutcome> => {
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
