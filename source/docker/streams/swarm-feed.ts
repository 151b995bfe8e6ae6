// Keeps the swarm panes live. Services and nodes change with the engine's service and node events, and
// are re-read (within the scope) only when one arrives. Tasks have no events, and a service's running
// count changes as its tasks start: those are read again once a second, and only while a pane that shows
// them is on screen (tasks or nodes; services while one of them has not converged). Nothing else polls.
import type {SwarmNode, SwarmRole, SwarmService, SwarmTask} from '../../state/swarm/swarm-types.js';
import type {Engine} from '../engine.js';
import type {Filters} from '../filters.js';
import {readNodes, readRole, readServices, readTasks, serviceFilters} from '../swarm.js';
import {keepSubscribed} from './reconnect.js';

export type SwarmKind = 'services' | 'tasks' | 'nodes';

export type SwarmFeedEvent =
	| {readonly type: 'role'; readonly role: SwarmRole}
	| {readonly type: 'services'; readonly rows: readonly SwarmService[]}
	| {readonly type: 'tasks'; readonly rows: readonly SwarmTask[]}
	| {readonly type: 'nodes'; readonly rows: readonly SwarmNode[]}
	| {readonly type: 'unscopable'; readonly reason: string};

export type SwarmFeed = {
	readonly stop: () => void;
	/** Reads these kinds again now (after an action). */
	readonly refresh: (kinds: readonly SwarmKind[]) => void;
	/** The swarm pane on screen, if any: what the once-a-second reads are for. */
	readonly setVisible: (pane: SwarmKind | undefined) => void;
};

const converged = (service: SwarmService): boolean =>
	service.running === service.desired && service.update !== 'updating' && service.update !== 'rollback_started';

export function startSwarmFeed(options: {
	readonly engine: Engine;
	readonly scope: Filters;
	readonly emit: (event: SwarmFeedEvent) => void;
	/** The pause between two reads of what has no events; at least a second in use. */
	readonly pollMs?: number;
}): SwarmFeed {
	const {engine, scope, emit} = options;
	const pollMs = options.pollMs ?? 1000;
	const scoped = serviceFilters(scope);
	const dirty = new Set<SwarmKind>();
	let manager = false;
	let reading = false;
	let visible: SwarmKind | undefined;
	let services: readonly SwarmService[] = [];
	let timer: ReturnType<typeof setTimeout> | undefined;
	const stopped = (): boolean => subscription.stopped();

	async function read(kind: SwarmKind): Promise<void> {
		if (kind === 'services') {
			if ('unscopable' in scoped) {
				emit({type: 'unscopable', reason: scoped.unscopable});
				return;
			}

			services = await readServices(engine, scoped.filters);
			if (!stopped()) emit({type: 'services', rows: services});
		} else if (kind === 'tasks') {
			const rows = await readTasks(engine);
			// Within a --filter scope, only the tasks of the services it keeps.
			const ids = new Set(services.map((service) => service.id));
			const inScope = Object.keys(scope).length === 0 ? rows : rows.filter((task) => ids.has(task.serviceId));
			if (!stopped()) emit({type: 'tasks', rows: inScope});
		} else {
			const rows = await readNodes(engine);
			if (!stopped()) emit({type: 'nodes', rows});
		}
	}

	async function flush(): Promise<void> {
		if (reading || dirty.size === 0 || stopped() || !manager) return;
		reading = true;
		// Services first: the tasks read keeps only the services in scope.
		const kinds = (['services', 'nodes', 'tasks'] as const).filter((kind) => dirty.has(kind));
		dirty.clear();
		try {
			for (const kind of kinds) await read(kind);
		} catch {
			// A lost engine is reported by the containers feed; the next event or poll reads again.
		} finally {
			reading = false;
			if (!stopped() && dirty.size > 0) void flush();
		}
	}

	const refresh = (kinds: readonly SwarmKind[]) => {
		for (const kind of kinds) dirty.add(kind);
		void flush();
	};

	/** What the pane on screen needs read again, having no event to say it changed. */
	function due(): SwarmKind[] {
		if (visible === 'tasks' || visible === 'nodes') return ['tasks'];
		if (visible === 'services' && services.some((service) => !converged(service))) return ['services'];
		return [];
	}

	function schedule(): void {
		clearTimeout(timer);
		timer = undefined;
		if (stopped() || !visible || !manager) return;
		timer = setTimeout(() => {
			timer = undefined;
			refresh(due());
			schedule();
		}, pollMs);
	}

	const subscription = keepSubscribed({
		subscribe: () =>
			engine.events({filters: {type: ['service', 'node']}}, (event) => {
				if (event.Type === 'service') refresh(['services', 'tasks']);
				else if (event.Type === 'node') refresh(['nodes', 'tasks']);
			}),
		async connected() {
			const role = await readRole(engine);
			manager = role.manager;
			emit({type: 'role', role});
			// Subscribed first, then read, so no change falls between the two.
			if (manager) refresh(['services', 'nodes', 'tasks']);
			schedule();
		},
	});

	return {
		stop() {
			subscription.stop();
			clearTimeout(timer);
		},
		refresh,
		setVisible(pane) {
			if (pane === visible) return;
			visible = pane;
			if (pane) refresh(pane === 'services' ? ['services'] : [pane, 'tasks']);
			schedule();
		},
	};
}
