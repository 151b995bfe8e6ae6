// Domain values the whole app shares: what a container is once the Engine API has been read.

export type ContainerState = 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';

export type Health = 'starting' | 'healthy' | 'unhealthy';

export type PortMapping = {
	readonly privatePort: number;
	readonly publicPort?: number;
	readonly ip?: string;
	readonly protocol: string;
};

export type Container = {
	readonly id: string;
	readonly name: string;
	readonly image: string;
	readonly command: string;
	readonly state: ContainerState;
	readonly health?: Health;
	/** Exit code of the last run, for exited or restarting containers. */
	readonly exitCode?: number;
	/** Epoch ms the current run started (running/paused/restarting). */
	readonly startedAt?: number;
	/** Epoch ms the last run ended (exited/dead/restarting). */
	readonly finishedAt?: number;
	/** False while start/finish times are only estimates parsed from the engine's status text. */
	readonly timesExact: boolean;
	/** Epoch ms the container was created. */
	readonly createdAt: number;
	readonly ports: readonly PortMapping[];
	readonly labels: Readonly<Record<string, string>>;
	/** With several engines: the name of the engine it runs on (its id is then qualified, core/engines.ts). */
	readonly engine?: string;
};

/** A container event from the engine's /events stream, reduced to what the app uses. */
export type ContainerEvent = {
	readonly action: string;
	readonly id: string;
	readonly name?: string;
	readonly exitCode?: number;
	/** Epoch ms. */
	readonly time: number;
};

export const isLive = (state: ContainerState): boolean => state === 'running' || state === 'paused' || state === 'restarting';

/** A change asked of one container. */
export type ContainerOp = {
	readonly kind: 'start' | 'stop' | 'restart' | 'pause' | 'unpause' | 'kill' | 'remove' | 'rename';
	readonly id: string;
	/** The name when the action was asked for, for messages. */
	readonly name: string;
	readonly force?: boolean;
	readonly newName?: string;
	/** kill: the signal to send (the engine's default, SIGKILL, when unset). */
	readonly signal?: string;
	/** stop: seconds between SIGTERM and SIGKILL (the container's own stop timeout when unset). */
	readonly timeout?: number;
	/** remove: its anonymous volumes go too (docker rm -v). */
	readonly volumes?: boolean;
};

/**
 * What the engine's containers feed learns, in the engine's terms: a full list, one container re-read or
 * gone, an event, exact times, or the connection itself. The reducers take the same news as actions.
 */
export type ContainerNews =
	/** A full list; with `engine`, of that engine only: the other engines' rows stay. */
	| {readonly type: 'snapshot'; readonly containers: readonly Container[]; readonly engine?: string}
	| {readonly type: 'upsert'; readonly container: Container}
	| {readonly type: 'remove'; readonly id: string}
	| {readonly type: 'event'; readonly event: ContainerEvent}
	/** Exact times read for some containers: one batch for many, so a thousand reads are not a thousand updates. */
	| {readonly type: 'times'; readonly times: readonly ContainerTimes[]};

/** A container's exact start and finish, read by inspecting it (the list only has estimates). */
export type ContainerTimes = {
	readonly id: string;
	readonly startedAt?: number;
	readonly finishedAt?: number;
	readonly exitCode?: number;
};

/** A union's members with their `type` put under a prefix: 'snapshot' becomes 'containers/snapshot'. */
export type Prefixed<Union extends {readonly type: string}, Prefix extends string> = Union extends unknown
	? Omit<Union, 'type'> & {readonly type: `${Prefix}/${Union['type']}`}
	: never;
