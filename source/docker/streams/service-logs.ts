// Follows a swarm service's log (every task's lines) or one task's through the Engine API
// (/services/{id}/logs, /tasks/{id}/logs) with `details`, so each line names its task and node. Like a
// container's: the history window first, then `follow` from the newest line seen. Frames are multiplexed
// unless the service's tasks have a terminal. The engine keeps a followed service log open after the
// service is removed; the session reopens the stream when the service leaves the list, and that read says so.
import {deadlines, type Engine} from '../engine.js';
import {toEngineError} from '../errors.js';
import {advanceMark, createSeenFilter, interleave, type LineMark, type LogLine} from '../../state/logs/log-lines.js';
import type {SwarmLogTarget} from '../../state/logs/swarm-log-lines.js';
import {createLogParser, sinceParam} from './log-parser.js';
import {createFollowRun} from './follow-run.js';
import {windowQuery, type LogFollow, type LogFollowOptions} from './logs.js';

type Readable = NodeJS.ReadableStream & {destroy?: () => void};
type LogSource = {readonly logs: (options: object) => Promise<unknown>};

/** What a target is read from, and whether its tasks have a terminal (then the stream is raw). */
async function resolve(engine: Engine, target: SwarmLogTarget): Promise<{readonly source: LogSource; readonly tty: boolean}> {
	const {docker} = engine;
	if (target.kind === 'service') {
		const service = docker.getService(target.id);
		const info = (await engine.within(service.inspect())) as {Spec?: {TaskTemplate?: {ContainerSpec?: {TTY?: boolean}}}};
		return {source: service as unknown as LogSource, tty: info.Spec?.TaskTemplate?.ContainerSpec?.TTY === true};
	}

	const task = docker.getTask(target.id);
	const info = (await engine.within(task.inspect())) as {Spec?: {ContainerSpec?: {TTY?: boolean}}};
	return {source: task as unknown as LogSource, tty: info.Spec?.ContainerSpec?.TTY === true};
}

const base = {stdout: true, stderr: true, timestamps: true, details: true};

/**
 * A history read: the engine answers task by task (its `tail` counts each task's lines), so the tasks'
 * lines are merged by time here, each task's own order kept.
 */
function byTime(lines: readonly LogLine[]): LogLine[] {
	const byTask = new Map<string, LogLine[]>();
	for (const line of lines) {
		const key = line.origin?.task ?? '';
		const list = byTask.get(key);
		if (list) list.push(line);
		else byTask.set(key, [line]);
	}

	return byTask.size <= 1 ? [...lines] : interleave([...byTask.values()]);
}

async function readOnce(engine: Engine, source: LogSource, id: string, tty: boolean, query: object): Promise<LogLine[]> {
	const body = (await engine.within(source.logs({...base, follow: false, ...query}), deadlines.logReadMs)) as Buffer | string;
	const parser = createLogParser(id, tty, true);
	return byTime([...parser.write(Buffer.isBuffer(body) ? body : Buffer.from(String(body))), ...parser.end()]);
}

export function followSwarmLogs(engine: Engine, target: SwarmLogTarget, options: LogFollowOptions): LogFollow {
	const follow = createFollowRun(options);
	let mark: LineMark | undefined = options.after;
	const deliver = (lines: LogLine[]) => {
		if (lines.length === 0 || follow.closed) return;
		mark = advanceMark(mark, lines);
		options.onLines(lines);
	};

	async function run(): Promise<void> {
		options.onStatus({kind: 'connecting'});
		const {source, tty} = await resolve(engine, target);
		let since = mark === undefined ? undefined : sinceParam(mark.ts);
		if (mark === undefined) {
			const startedAt = Date.now();
			deliver(await readOnce(engine, source, options.id, tty, windowQuery(options.window, options.limit, startedAt)));
			if (follow.closed) return;
			since = mark === undefined ? ((startedAt - 1000) / 1000).toFixed(3) : sinceParam((mark as LineMark).ts);
		}

		options.onHistory();
		const followed = (await engine.within(
			source.logs({...base, follow: true, since}) as Promise<Readable>,
			deadlines.subscribeMs,
		)) as Readable;
		if (!follow.adopt(followed)) return;
		options.onStatus({kind: 'live', tty});
		const parser = createLogParser(options.id, tty, true);
		const newer = createSeenFilter(mark);
		await new Promise<void>((done) => {
			followed.on('data', (chunk: Buffer) => deliver(newer(parser.write(chunk))));
			const end = () => {
				deliver(newer(parser.end()));
				done();
			};

			followed.on('end', end);
			followed.on('close', end);
			followed.on('error', end);
		});
		if (!follow.closed) options.onStatus({kind: 'stopped'});
	}

	return follow.start(run);
}

/**
 * The lines of a service or task between two timestamps, both inclusive ('' for no bound): what a gap row
 * stands for. The engine has no `until` for a service's log, so the read starts at `since` and stops
 * handing lines on past `until`.
 */
export async function readSwarmLogRange(
	engine: Engine,
	id: string,
	target: SwarmLogTarget,
	since: string,
	until: string,
	onLines: (lines: LogLine[]) => void,
): Promise<void> {
	try {
		const {source, tty} = await resolve(engine, target);
		const lines = await readOnce(engine, source, id, tty, {since: since === '' ? '0' : sinceParam(since)});
		onLines(until === '' ? lines : lines.filter((line) => line.ts === '' || line.ts <= until));
	} catch (error) {
		throw toEngineError(error);
	}
}
