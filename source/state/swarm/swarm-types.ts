// Swarm objects as dockpit knows them once the Engine API has been read (docker/swarm.ts maps them).

/** What /info says about this engine's place in a swarm. */
export type SwarmRole = {
	/** active, inactive, pending, error, locked: the engine's own word. */
	readonly localState: string;
	/** It can answer for the cluster: services, tasks and nodes are listed only then. */
	readonly manager: boolean;
	readonly nodeId?: string;
	/** Why it is not part of a usable swarm, in the engine's words, if it says. */
	readonly error?: string;
};

/** A service's rolling update, as its UpdateStatus says (none when it was never updated). */
export type UpdateState = 'updating' | 'paused' | 'completed' | 'rollback_started' | 'rollback_paused' | 'rollback_completed';

export type SwarmService = {
	readonly id: string;
	readonly name: string;
	/** replicated, global, replicated-job, global-job. */
	readonly mode: string;
	/** Tasks running now, as the manager counts them (ServiceStatus). */
	readonly running: number;
	/** Tasks that should run: the replica count, or one per eligible node for a global service. */
	readonly desired: number;
	readonly image: string;
	/** "8080:80/tcp"; a host-mode port without a fixed number shows only its target. */
	readonly ports: readonly string[];
	readonly update?: UpdateState;
	/** The engine's message about the update (why it paused or rolled back). */
	readonly updateMessage?: string;
	/** com.docker.stack.namespace: the stack a `docker stack deploy` put it in. */
	readonly stack?: string;
	readonly createdAt: number;
	readonly labels: Readonly<Record<string, string>>;
	/** Spec version, which an update must name (optimistic concurrency). */
	readonly version: number;
};

export type SwarmTask = {
	readonly id: string;
	readonly serviceId: string;
	/** For a replicated service; a global service's tasks have none (one per node). */
	readonly slot?: number;
	readonly nodeId?: string;
	/** What the orchestrator wants: running, shutdown, ready… */
	readonly desired: string;
	/** What it is: new, pending, assigned, preparing, starting, running, complete, failed, rejected, shutdown… */
	readonly state: string;
	/** The engine's message for the state ("started", "task: non-zero exit (3)"). */
	readonly message?: string;
	/** Why it failed or was rejected, in the engine's words. */
	readonly error?: string;
	readonly exitCode?: number;
	readonly containerId?: string;
	readonly createdAt: number;
	/** When the current state was reached. */
	readonly stateAt: number;
};

export type SwarmNode = {
	readonly id: string;
	readonly hostname: string;
	/** manager or worker. */
	readonly role: string;
	/** active, pause or drain. */
	readonly availability: string;
	/** ready, down, disconnected, unknown. */
	readonly status: string;
	/** leader, reachable or unreachable for a manager; none for a worker. */
	readonly managerStatus?: string;
	readonly address?: string;
	readonly engineVersion?: string;
	readonly labels: Readonly<Record<string, string>>;
	readonly version: number;
};

export type NodeAvailability = 'active' | 'pause' | 'drain';

/** A change asked of the swarm, from a key (swarm-input.ts) to the session. */
export type SwarmOp =
	| {readonly kind: 'scale'; readonly id: string; readonly name: string; readonly replicas: number}
	| {readonly kind: 'forceUpdate'; readonly id: string; readonly name: string}
	| {readonly kind: 'rollback'; readonly id: string; readonly name: string}
	| {readonly kind: 'removeService'; readonly id: string; readonly name: string}
	| {readonly kind: 'availability'; readonly id: string; readonly name: string; readonly availability: NodeAvailability};
