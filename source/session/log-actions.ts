// What the logs pane asks of the outside world: log streams from the engine (loaded lazily, like
// the rest of the engine code) and saving the buffered lines to a file.
import {writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type {AppAction, AppState} from '../state/core/app.js';
import {gapFill} from '../state/logs/log-gaps.js';
import {logFileText} from '../state/logs/log-lines.js';
import {gapSeqs} from '../state/logs/log-view.js';
import {hasPrefix, linePrefix} from '../state/logs/log-prefix.js';
import {swarmLogTarget} from '../state/logs/swarm-log-lines.js';
import type {Store} from './store.js';
import type {KeyMap} from '../state/input/keymap.js';
import {keyHint} from '../state/input/key-text.js';
import type {Engine} from '../docker/engine.js';
import type {LogFollow, LogFollowOptions} from '../docker/streams/logs.js';
import {toEngineError} from '../docker/errors.js';
import {engineIdOf} from '../state/core/engines.js';

export type LogActions = {
	/** Starts following at once; the engine and the stream code load on first use. */
	readonly follow: (options: LogFollowOptions) => LogFollow;
	/** Writes the buffered lines to `file` (never over an existing file) and says so in the status line. */
	readonly save: (file: string) => Promise<void>;
	/** Reads the lines the gap row at `seq` stands for from the engine and puts them in its place. */
	readonly fetchGap: (seq: number) => Promise<void>;
};

export function createLogActions({
	store,
	loadEngine,
	keys,
}: {
	readonly store: Store<AppState, AppAction>;
	/** For the keys named in messages. */
	readonly keys: KeyMap;
	/** The engine a container's row (its key) is on. */
	readonly loadEngine: (key?: string) => Promise<Engine>;
}): LogActions {
	const say = (text: string, tone: 'success' | 'error') => store.dispatch({type: 'ui/status', status: {text, tone}});
	return {
		follow(options) {
			let handle: LogFollow | undefined;
			let closed = false;
			const swarm = swarmLogTarget(options.id);
			const start = swarm
				? Promise.all([loadEngine(), import('../docker/streams/service-logs.js')]).then(
						([engine, {followSwarmLogs}]) =>
							() =>
								followSwarmLogs(engine, swarm, options),
					)
				: Promise.all([loadEngine(options.id), import('../docker/streams/logs.js')]).then(
						([engine, {followLogs}]) =>
							() =>
								followLogs(engine, {...options, id: engineIdOf(options.id), source: options.id}),
					);
			start
				.then((open) => {
					if (!closed) handle = open();
				})
				.catch((error: unknown) => {
					options.onHistory();
					options.onStatus({kind: 'error', message: toEngineError(error).message});
				});
			return {
				close() {
					closed = true;
					handle?.close();
				},
			};
		},
		async fetchGap(seq) {
			const {logs} = store.getState();
			const row = logs.buffer.at(seq);
			if (!row?.gap) return;
			const plan = gapFill(logs.buffer, seq, logs.buffer.capacity);
			say(`Fetching the lines of the gap ${plan.since.slice(11, 23)}–${plan.until.slice(11, 23)}…`, 'success');
			try {
				const engine = await loadEngine(swarmLogTarget(row.source) ? undefined : row.source);
				const swarm = swarmLogTarget(row.source);
				if (swarm) {
					const {readSwarmLogRange} = await import('../docker/streams/service-logs.js');
					await readSwarmLogRange(engine, row.source, swarm, plan.since, plan.until, plan.push);
				} else {
					const {readLogRange} = await import('../docker/streams/logs.js');
					await readLogRange(engine, engineIdOf(row.source), plan.since, plan.until, plan.push, row.source);
				}

				const lines = plan.finish();
				store.dispatch({type: 'logs/fill', seq, gap: row, lines});
				const fetched = lines.filter((line) => !line.gap).length;
				const left = lines.length - fetched;
				say(`Fetched ${fetched} lines into the gap${left > 0 ? '; the rest did not fit in the buffer' : ''}`, 'success');
			} catch (error) {
				say(`Could not fetch the gap: ${toEngineError(error).message}`, 'error');
			}
		},
		async save(file) {
			const state = store.getState();
			const {logs} = state;
			const target = path.resolve(file.startsWith('~/') ? path.join(os.homedir(), file.slice(2)) : file);
			const text = logFileText(logs.buffer.slice(), linePrefix(state), hasPrefix(logs));
			const gaps = gapSeqs(logs).length;
			try {
				await writeFile(target, text, {flag: 'wx'});
				const missing =
					gaps === 0
						? ''
						: `; ${gaps} range${gaps === 1 ? ' is' : 's are'} missing (the # gap lines; ${keyHint(keys, 'logFetch', 'logs')} fetches them)`;
				say(`Saved ${logs.buffer.size - gaps} lines to ${target}${missing}`, gaps === 0 ? 'success' : 'error');
			} catch (error) {
				const code = (error as {code?: string}).code;
				const reason = code === 'EEXIST' ? 'the file already exists' : error instanceof Error ? error.message : String(error);
				say(`Could not save to ${target}: ${reason}`, 'error');
			}
		},
	};
}
