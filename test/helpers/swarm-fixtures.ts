// Swarm domain values for unit tests: a service, a task and a node with plausible defaults.
import type {SwarmNode, SwarmRole, SwarmService, SwarmTask} from '../../source/state/swarm/swarm-types.js';
import {NOW} from './fixtures.js';

export const manager: SwarmRole = {localState: 'active', manager: true, nodeId: 'lebb2zhzis69bge8rvvrld25d'};

export function makeService(overrides: Partial<SwarmService> = {}): SwarmService {
	return {
		id: 'svc-web'.padEnd(25, '0'),
		name: 'web',
		mode: 'replicated',
		running: 3,
		desired: 3,
		image: 'dockpit-test/busybox:latest@sha256:' + 'f'.repeat(64),
		ports: [],
		createdAt: NOW - 3_600_000,
		labels: {},
		version: 10,
		...overrides,
	};
}

export function makeTask(overrides: Partial<SwarmTask> = {}): SwarmTask {
	return {
		id: 'task-1'.padEnd(25, '1'),
		serviceId: 'svc-web'.padEnd(25, '0'),
		slot: 1,
		nodeId: 'lebb2zhzis69bge8rvvrld25d',
		desired: 'running',
		state: 'running',
		createdAt: NOW - 60_000,
		stateAt: NOW - 50_000,
		...overrides,
	};
}

export function makeNode(overrides: Partial<SwarmNode> = {}): SwarmNode {
	return {
		id: 'lebb2zhzis69bge8rvvrld25d',
		hostname: 'vm',
		role: 'manager',
		availability: 'active',
		status: 'ready',
		managerStatus: 'leader',
		engineVersion: '20.10.24',
		labels: {},
		version: 5,
		...overrides,
	};
}
