// The session's side of issue 4: follows images, volumes and networks once a pane or the prune dialog needs
// them, and carries out bulk actions, removals and prunes, reporting each in the status line and dialogs.
import type {AppAction, AppState} from '../state/core/app.js';
import {
	describeChange,
	changed,
	previewChange,
	prunePreview,
	summarisePrune,
	defaultPruneChoices,
	type PruneOutcome,
	type PruneSnapshot,
} from '../state/resources/prune.js';
import {bulkSummary, type BulkOutcome, type ResourceDialog, type ResourceRequest} from '../state/resources/resource-dialogs.js';
import {formatSize} from '../state/core/size.js';
import type {Store} from './store.js';
import type {Engine} from '../docker/engine.js';
import type {Filters} from '../docker/filters.js';
import type {ResourceFeed} from '../docker/streams/resource-feed.js';
import {toEngineError} from '../docker/errors.js';
import {engineIdOf, rowKey} from '../state/core/engines.js';
import {applyEach, resourceFeedActions} from './feed-actions.js';

export type ResourceActions = {
	readonly run: (request: ResourceRequest) => Promise<void>;
	readonly stop: () => void;
};

type PruneDialog = Extract<ResourceDialog, {kind: 'prune'}>;

export function createResourceActions(options: {
	readonly store: Store<AppState, AppAction>;
	/** The engine a container's row (its key) is on; the first engine without one (the resource panes show it). */
	readonly loadEngine: (key?: string) => Promise<Engine>;
	readonly scope: Filters;
	/** With several engines, their keys and names: a prune reads and prunes each of them. */
	readonly engines?: ReadonlyArray<{readonly key: string; readonly name: string}>;
}): ResourceActions {
	const {store, loadEngine, scope} = options;
	let feed: Promise<ResourceFeed> | undefined;
	let stopped = false;
	const status = (text: string, tone: 'progress' | 'success' | 'error' | 'info') =>
		store.dispatch({type: 'ui/status', status: {text, tone}});
	const currentPrune = (): PruneDialog | undefined => {
		const {dialog} = store.getState().ui;
		return dialog?.kind === 'prune' ? dialog : undefined;
	};

	/** Updates the prune dialog, unless the person closed it meanwhile. */
	const updatePrune = (change: Partial<PruneDialog>) => {
		const dialog = currentPrune();
		if (dialog) store.dispatch({type: 'ui/openDialog', dialog: {...dialog, ...change}});
	};

	const watch = () =>
		(feed ??= Promise.all([loadEngine(), import('../docker/streams/resource-feed.js')]).then(([engine, {startResourceFeed}]) => {
			const started = startResourceFeed({engine, scope, emit: applyEach(resourceFeedActions, store.dispatch)});
			if (stopped) started.stop();
			return started;
		}));

	/** What the engine holds, or each engine with several; an engine that does not answer is named in the note. */
	async function snapshot(): Promise<{read: PruneSnapshot; note?: string}> {
		const {readPruneSnapshot} = await import('../docker/resource-reads.js');
		const {engines} = options;
		if (!engines) return {read: await readPruneSnapshot((await loadEngine()).docker, scope)};
		const reads = await Promise.allSettled(
			// loadEngine takes a row's key: any id on that engine names it.
			engines.map(async ({key}) => readPruneSnapshot((await loadEngine(rowKey(key, '-'))).docker, scope)),
		);
		const answered = engines.flatMap((engine, index) => {
			const result = reads[index]!;
			return result.status === 'fulfilled' ? [{...engine, snapshot: result.value}] : [];
		});
		const missing = engines.flatMap((engine, index) => {
			const result = reads[index]!;
			return result.status === 'rejected' ? [`${engine.name} (${toEngineError(result.reason).message})`] : [];
		});
		if (answered.length === 0) throw reads.find((result) => result.status === 'rejected')!.reason;
		const read: PruneSnapshot = {at: Date.now(), containers: [], images: [], volumes: [], networks: [], engines: answered};
		return {read, note: missing.length > 0 ? `Not read, so not pruned: ${missing.join(', ')}` : undefined};
	}

	async function bulk(request: Extract<ResourceRequest, {kind: 'bulk'}>) {
		const {runBulkOp} = await import('../docker/resource-ops.js');
		const outcomes: BulkOutcome[] = [];
		const show = () =>
			store.dispatch({
				type: 'ui/openDialog',
				dialog: {kind: 'bulkResult', op: request.op, force: request.force, targets: request.targets, outcomes: [...outcomes]},
			});
		show();
		status(`${request.op} ${request.targets.length} containers…`, 'progress');
		// One at a time, so the outcome list reads in the order the person marked them; a failure does not stop the rest.
		for (const target of request.targets) {
			try {
				// Marked rows can be on several engines: each goes to its own.
				await runBulkOp((await loadEngine(target.id)).docker, request.op, engineIdOf(target.id), request.force);
				outcomes.push({id: target.id, name: target.name, ok: true});
			} catch (error) {
				outcomes.push({id: target.id, name: target.name, ok: false, error: toEngineError(error).message});
			}

			if (store.getState().ui.dialog?.kind === 'bulkResult') show();
		}

		const failed = outcomes.some((outcome) => !outcome.ok);
		status(bulkSummary(request.op, outcomes), failed ? 'error' : 'success');
		// What went is no longer marked; what failed stays marked, to retry. Not a toggle: the destroy event
		// may have dropped the mark already, and toggling would put it back.
		if (request.op === 'remove')
			store.dispatch({type: 'ui/unmark', ids: outcomes.filter((outcome) => outcome.ok).map((outcome) => outcome.id)});
	}

	async function remove(request: Extract<ResourceRequest, {kind: 'remove'}>) {
		const {target, force} = request;
		status(`Removing ${target.pane.slice(0, -1)} ${target.name}${force ? ' (forced)' : ''}…`, 'progress');
		try {
			const [engine, {removeResource}] = await Promise.all([loadEngine(), import('../docker/resource-ops.js')]);
			status(await removeResource(engine.docker, target, force), 'success');
			(await feed)?.refresh([target.pane]);
		} catch (error) {
			status(
				`Could not ${force ? 'force-remove' : 'remove'} ${target.pane.slice(0, -1)} ${target.name}: ${toEngineError(error).message}`,
				'error',
			);
		}
	}

	async function preview() {
		store.dispatch({type: 'ui/openDialog', dialog: {kind: 'prune', phase: 'loading', choices: defaultPruneChoices}});
		try {
			const {read, note} = await snapshot();
			const dialog = currentPrune();
			if (dialog) updatePrune({phase: 'ready', snapshot: read, preview: prunePreview(read, dialog.choices), note});
		} catch (error) {
			updatePrune({phase: 'done', note: `Could not read what the engine holds: ${toEngineError(error).message}`});
		}
	}

	async function confirm() {
		const dialog = currentPrune();
		if (!dialog?.preview || dialog.phase !== 'ready') return;
		updatePrune({phase: 'checking', note: undefined});
		try {
			// Re-check: what the engine holds now must be what the person saw, or they see the new list first.
			const {read} = await snapshot();
			const fresh = prunePreview(read, dialog.choices);
			const change = previewChange(dialog.preview, fresh);
			if (changed(change)) {
				updatePrune({phase: 'ready', snapshot: read, preview: fresh, note: describeChange(change)});
				status('The engine changed since the preview; nothing was removed yet', 'info');
				return;
			}

			updatePrune({phase: 'running'});
			const {pruneItem} = await import('../docker/resource-ops.js');
			const outcomes: PruneOutcome[] = [];
			let buildCache: number | undefined;
			for (const item of dialog.preview.items) {
				try {
					// With several engines the item's id names its engine; the engine knows it by the rest.
					const engine = await loadEngine(options.engines ? item.id : undefined);
					const freed = await pruneItem(engine.docker, options.engines ? {...item, id: engineIdOf(item.id)} : item);
					if (freed !== undefined) buildCache = (buildCache ?? 0) + freed;
					outcomes.push({item, ok: true});
				} catch (error) {
					outcomes.push({item, ok: false, error: toEngineError(error).message});
				}
			}

			const summary = summarisePrune(outcomes, buildCache);
			updatePrune({phase: 'done', outcomes, reclaimed: summary.reclaimed});
			const failed = summary.failed > 0 ? `, ${summary.failed} refused by the engine` : '';
			status(
				`Pruned ${summary.removed} of ${outcomes.length}${failed}; reclaimed ${formatSize(summary.reclaimed)}`,
				summary.failed > 0 ? 'error' : 'success',
			);
			(await feed)?.refresh(['images', 'volumes', 'networks']);
		} catch (error) {
			updatePrune({phase: 'ready', note: `Could not re-check before pruning: ${toEngineError(error).message}`});
		}
	}

	return {
		async run(request) {
			switch (request.kind) {
				case 'watch':
					await watch();
					return;
				case 'bulk':
					return bulk(request);
				case 'remove':
					return remove(request);
				case 'prunePreview':
					return preview();
				case 'pruneConfirm':
					return confirm();
			}
		},
		stop() {
			stopped = true;
			void feed?.then((started) => started.stop());
		},
	};
}
