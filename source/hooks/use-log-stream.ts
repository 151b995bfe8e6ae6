// Keeps the logs pane's streams open for the containers it follows. Lines are parsed as they arrive
// and gathered here; the store hears about them at most once per frame, never once per line.
import {useEffect} from 'react';
import type {AppState} from '../state/core/app.js';
import {orderBatch, type LogLine} from '../state/logs/log-lines.js';
import {logTargets} from '../state/logs/log-targets.js';
import type {Session} from '../session/session.js';

/** One store update per frame at Ink's 30 fps… */
const frameMs = 33;
/**
 * …but when a whole screen of lines arrives per frame nobody can read them anyway, and each frame costs
 * Ink a full redraw: 10 updates a second then leave the time to reading the stream and to keys.
 */
const floodFrameMs = 100;

/** Changes when a stream must be opened again: another target, or one that started, stopped or vanished. */
function runKey(state: AppState): string {
	return state.logs.targets
		.map((id) => {
			const container = state.containers.byId[id];
			return container ? `${id}:${container.state}:${container.startedAt ?? ''}` : `${id}:gone`;
		})
		.join(',');
}

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
		const {logs} = store.getState();
		const ids = logs.targets;
		let pending: LogLine[] = [];
		let skipped = 0;
		let estimated = false;
		let timer: NodeJS.Timeout | undefined;
		let flooding = false;
		// Several containers' histories are shown together, interleaved, once all have arrived.
		const awaitingHistory = new Set(ids);

		const flush = () => {
			timer = undefined;
			if (awaitingHistory.size > 0 || (pending.length === 0 && skipped === 0)) return;
			const lines = ids.length > 1 ? orderBatch(pending) : pending;
			const dropped = skipped;
			const guessed = estimated;
			pending = [];
			skipped = 0;
			estimated = false;
			flooding = lines.length >= store.getState().logs.pageSize;
			store.dispatch({type: 'logs/append', lines, skipped: dropped, estimated: guessed});
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
					for (const line of lines) pending.push(line);
					// More than a screenful of screens in one frame: what would scroll past unseen is dropped.
					if (pending.length > logs.cap) {
						skipped += pending.length - logs.cap;
						pending = pending.slice(-logs.cap);
					}

					schedule();
				},
				onSkip(lines) {
					skipped += lines;
					estimated = true;
					schedule();
				},
				onHistory() {
					awaitingHistory.delete(id);
					if (awaitingHistory.size === 0) schedule();
				},
				onStatus(status) {
					store.dispatch({type: 'logs/stream', id, status});
				},
			}),
		);

		return () => {
			clearTimeout(timer);
			for (const follow of follows) follow.close();
		};
		// `key` and `generation` say when to reopen; the rest is read fresh from the store.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [key, generation, session]);
}
