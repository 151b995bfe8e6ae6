// Keeps the logs pane's streams open for the containers it follows. Lines are parsed as they arrive
// and gathered here; the store hears about them at most once per frame, never once per line.
import {useEffect} from 'react';
import type {AppState} from '../state/core/app.js';
import {capBatch} from '../state/logs/log-gaps.js';
import {fullTs, orderBatch, releasable, type LogLine} from '../state/logs/log-lines.js';
import {logTargets} from '../state/logs/log-targets.js';
import {floodFrameMs, frameMs, holdMs} from '../state/logs/log-pace.js';
import {splitRowKey} from '../state/core/engines.js';
import {swarmLogTarget} from '../state/logs/swarm-log-lines.js';
import type {Session} from '../session/session.js';

/**
 * Changes when a stream must be opened again: another target, one that started, stopped or vanished, or
 * the engine lost and found again (each stream then resumes after the last line it showed).
 */
function runKey(state: AppState): string {
	if (state.engine.connection === 'disconnected') return 'disconnected';
	// With several engines, each target's own engine lost and found again opens its stream again too.
	const engines = state.engine.engines;
	const engineOf = (id: string) => {
		const key = splitRowKey(id).engine;
		return engines?.find((entry) => entry.key === key)?.connection ?? '';
	};

	return state.logs.targets
		.map((id) => {
			// A removed service's followed log stays open at the engine: reopened, it says the service is gone.
			const swarm = swarmLogTarget(id);
			if (swarm) return `${id}:${swarm.kind === 'service' && serviceGone(state, swarm.id) ? 'gone' : 'up'}`;
			const container = state.containers.byId[id];
			return container ? `${id}:${container.state}:${container.startedAt ?? ''}:${engineOf(id)}` : `${id}:gone`;
		})
		.join(',');
}

const serviceGone = (state: AppState, id: string): boolean =>
	state.swarm.loaded.services && !state.swarm.services.some((service) => service.id === id);

export function useLogStream(session: Session, state: AppState): void {
	const {store} = session;
	const {focused, targets, generation} = state.logs;

	// Unfocused, the pane follows the list: the selection, or the marked containers.
	const wanted = focused ? undefined : logTargets(state).join(',');
	useEffect(() => {
		if (wanted === undefined || wanted === '' || wanted === targets.join(',')) return;
		store.dispatch({type: 'logs/targets', targets: wanted.split(',')});
	}, [wanted, targets, store]);

	const key = runKey(state);
	useEffect(() => {
		const {logs, engine} = store.getState();
		// Nothing answers meanwhile; the key changes again when the engine is back.
		if (engine.connection === 'disconnected') return;
		const ids = logs.targets;
		const {cap} = logs;
		let pending: LogLine[] = [];
		let timer: NodeJS.Timeout | undefined;
		let flooding = false;
		// Several containers' histories are shown together, interleaved, once all have arrived.
		const awaitingHistory = new Set(ids);
		// Several containers: each one's newest timestamp, and when each line arrived.
		const newest = new Map<string, string>();
		const arrived = new WeakMap<LogLine, number>();

		const flush = (force = false) => {
			timer = undefined;
			if ((awaitingHistory.size > 0 && !force) || pending.length === 0) return;
			if (pending.length > cap) pending = capBatch(pending, cap);
			let lines = ids.length > 1 ? orderBatch(pending) : pending;
			pending = [];
			if (ids.length > 1 && !force) {
				const marks = ids.map((id) => newest.get(id));
				const watermark = marks.includes(undefined) ? undefined : marks.reduce((a, b) => (b! < a! ? b : a));
				const cutoff = Date.now() - holdMs;
				const count = releasable(lines, watermark, (line) => (arrived.get(line) ?? 0) <= cutoff);
				pending = lines.slice(count);
				lines = lines.slice(0, count);
				if (pending.length > 0) timer = setTimeout(flush, frameMs);
			}

			if (lines.length === 0) return;
			flooding = lines.length >= store.getState().logs.pageSize;
			store.dispatch({type: 'logs/append', lines});
		};

		const schedule = () => {
			timer ??= setTimeout(flush, flooding ? floodFrameMs : frameMs);
		};

		const follows = ids.map((id) =>
			session.logs.follow({
				id,
				after: logs.last[id],
				window: logs.window,
				limit: logs.cap,
				onLines(lines) {
					const now = Date.now();
					for (const line of lines) {
						pending.push(line);
						if (ids.length < 2) continue;
						arrived.set(line, now);
						if (!line.gap && line.ts > (newest.get(line.source) ?? '')) newest.set(line.source, line.ts);
					}

					// More than the buffer holds in one frame: what would scroll past unseen becomes a gap row. Folded
					// once twice the buffer is waiting (and at the flush), not at every chunk past it: each fold
					// walks the whole batch, and under a flood that was a fold per 64 KB read.
					if (pending.length > 2 * cap) pending = capBatch(pending, cap);
					schedule();
				},
				onHistory() {
					awaitingHistory.delete(id);
					if (awaitingHistory.size === 0) schedule();
				},
				onStatus(status) {
					// A container that stopped before writing anything: its next run is all new, whatever the window.
					const since = status.kind === 'stopped' ? fullTs(new Date().toISOString()) : undefined;
					store.dispatch({type: 'logs/stream', id, status, ...(since === undefined ? {} : {since})});
				},
			}),
		);

		return () => {
			clearTimeout(timer);
			for (const follow of follows) follow.close();
			// Lines read but not shown yet belong to the buffer: a reattach asks for what came after them.
			flush(true);
		};
		// `key` and `generation` say when to reopen; the rest is read fresh from the store.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [key, generation, session]);
}
