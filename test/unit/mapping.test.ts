// Engine API JSON → domain values, from responses shaped as the engine sends them (API 1.4x).
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {fromInspect, toContainer, toContainerEvent} from '../../source/docker/mapping.js';
import {NOW} from '../helpers/fixtures.js';

const ID = '8dfafdbc3a40a9f1c8a1d1f1c87d1e0a4a0b7e9d7f2b2a6e5f3b3c2d1e0f9a8b';

/** One row of GET /containers/json?all=1, as the engine sends it (fields dockpit does not read included). */
const listed = {
	Id: ID,
	Names: ['/web'],
	Image: 'nginx:1.27',
	ImageID: 'sha256:3b25b682ea82b2db3cc4fd48db818be788ee3f902ac7378090cf2624ec2442df',
	Command: "/docker-entrypoint.sh nginx -g 'daemon off;'",
	Created: 1_736_900_000,
	Ports: [
		{IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp'},
		{IP: '::', PrivatePort: 80, PublicPort: 8080, Type: 'tcp'},
		{PrivatePort: 443, Type: 'tcp'},
	],
	Labels: {'com.docker.compose.project': 'shop', 'dockpit.test': '1'},
	State: 'running',
	Status: 'Up 3 minutes (healthy)',
	HostConfig: {NetworkMode: 'bridge'},
	Mounts: [],
};

/** GET /containers/{id}/json of an exited container, trimmed to a realistic subset. */
const inspected = {
	Id: ID,
	Created: '2025-01-15T00:13:20.123456789Z',
	Path: 'sh',
	Args: ['-c', 'exit 3'],
	State: {
		Status: 'exited',
		Running: false,
		Paused: false,
		ExitCode: 3,
		StartedAt: '2025-01-15T00:13:21.5Z',
		FinishedAt: '2025-01-15T00:13:22.25Z',
		Health: {Status: 'unhealthy', FailingStreak: 3, Log: []},
	},
	Name: '/batch-job',
	Config: {Image: 'dockpit-test/busybox:latest', Labels: {team: 'data'}},
	NetworkSettings: {
		Ports: {
			'80/tcp': [
				{HostIp: '0.0.0.0', HostPort: '8080'},
				{HostIp: '::', HostPort: '8080'},
			],
			'53/udp': null,
			'9000/tcp': [],
		},
	},
};

describe('toContainer', () => {
	it('maps a /containers/json row', () => {
		const container = toContainer(listed, NOW);
		assert.deepEqual(container, {
			id: ID,
			name: 'web',
			image: 'nginx:1.27',
			command: "/docker-entrypoint.sh nginx -g 'daemon off;'",
			state: 'running',
			health: 'healthy',
			exitCode: undefined,
			startedAt: NOW - 3 * 60_000,
			finishedAt: undefined,
			timesExact: false,
			createdAt: 1_736_900_000_000,
			ports: [
				{privatePort: 80, publicPort: 8080, ip: '0.0.0.0', protocol: 'tcp'},
				{privatePort: 80, publicPort: 8080, ip: '::', protocol: 'tcp'},
				{privatePort: 443, publicPort: undefined, ip: undefined, protocol: 'tcp'},
			],
			labels: {'com.docker.compose.project': 'shop', 'dockpit.test': '1'},
		});
	});

	it('reads the exit code and finish time of an exited row', () => {
		const container = toContainer({...listed, State: 'exited', Status: 'Exited (137) 2 hours ago'}, NOW);
		assert.deepEqual([container.state, container.exitCode, container.finishedAt], ['exited', 137, NOW - 2 * 3_600_000]);
	});

	it('copes with missing names, labels and an unknown state', () => {
		const container = toContainer({Id: ID, Labels: null, State: 'weird'}, NOW);
		assert.equal(container.name, ID.slice(0, 12));
		assert.deepEqual(container.labels, {});
		assert.equal(container.state, 'dead');
		assert.deepEqual(container.ports, []);
	});
});

describe('fromInspect', () => {
	it('maps an inspect response with exact times, ports and health', () => {
		const container = fromInspect(inspected);
		assert.equal(container.id, ID);
		assert.equal(container.name, 'batch-job');
		assert.equal(container.image, 'dockpit-test/busybox:latest');
		assert.equal(container.command, 'sh -c exit 3');
		assert.equal(container.state, 'exited');
		assert.equal(container.exitCode, 3);
		assert.equal(container.health, 'unhealthy');
		assert.equal(container.startedAt, Date.UTC(2025, 0, 15, 0, 13, 21, 500));
		assert.equal(container.finishedAt, Date.UTC(2025, 0, 15, 0, 13, 22, 250));
		assert.equal(container.createdAt, Date.UTC(2025, 0, 15, 0, 13, 20, 123));
		assert.equal(container.timesExact, true);
		assert.deepEqual(container.labels, {team: 'data'});
		assert.deepEqual(
			[...container.ports].sort((a, b) => a.privatePort - b.privatePort || (String(a.ip) < String(b.ip) ? -1 : 1)),
			[
				{privatePort: 53, protocol: 'udp'},
				{privatePort: 80, protocol: 'tcp', publicPort: 8080, ip: '0.0.0.0'},
				{privatePort: 80, protocol: 'tcp', publicPort: 8080, ip: '::'},
				{privatePort: 9000, protocol: 'tcp'},
			],
		);
	});

	it("reads Go's zero time as never", () => {
		const created = fromInspect({
			...inspected,
			State: {Status: 'created', ExitCode: 0, StartedAt: '0001-01-01T00:00:00Z', FinishedAt: '0001-01-01T00:00:00Z'},
		});
		assert.equal(created.state, 'created');
		assert.equal(created.startedAt, undefined);
		assert.equal(created.finishedAt, undefined);
		assert.equal(created.health, undefined);
	});

	it('ignores a health status it does not know, and missing network settings', () => {
		const container = fromInspect({Id: ID, State: {Status: 'running', Health: {Status: 'none'}}});
		assert.equal(container.health, undefined);
		assert.deepEqual(container.ports, []);
		assert.equal(container.name, ID.slice(0, 12));
	});
});

describe('toContainerEvent', () => {
	const timeNano = 1_736_900_123_456_789_000;

	it('die carries the exit code and the time to the millisecond', () => {
		const event = toContainerEvent({
			Type: 'container',
			Action: 'die',
			Actor: {ID, Attributes: {exitCode: '137', image: 'busybox', name: 'web'}},
			scope: 'local',
			time: 1_736_900_123,
			timeNano,
		} as never);
		assert.deepEqual(event, {action: 'die', id: ID, name: 'web', exitCode: 137, time: Math.floor(timeNano / 1e6)});
	});

	it('rename carries the new name', () => {
		const event = toContainerEvent({
			Type: 'container',
			Action: 'rename',
			Actor: {ID, Attributes: {name: 'fresh', oldName: '/web'}},
			time: 1_736_900_000,
		});
		assert.equal(event?.name, 'fresh');
		assert.equal(event?.time, 1_736_900_000_000);
	});

	it('health_status keeps its whole action', () => {
		const event = toContainerEvent({Type: 'container', Action: 'health_status: healthy', Actor: {ID, Attributes: {}}, time: 1});
		assert.equal(event?.action, 'health_status: healthy');
		assert.equal(event?.exitCode, undefined);
	});

	it('reads the old-style status and id fields', () => {
		assert.deepEqual(toContainerEvent({Type: 'container', status: 'start', id: ID, time: 2}), {
			action: 'start',
			id: ID,
			name: undefined,
			exitCode: undefined,
			time: 2000,
		});
	});

	it('is undefined for events about other objects, or without an id or action', () => {
		assert.equal(toContainerEvent({Type: 'network', Action: 'connect', Actor: {ID: 'n1'}}), undefined);
		assert.equal(toContainerEvent({Type: 'image', Action: 'pull', Actor: {ID: 'busybox'}}), undefined);
		assert.equal(toContainerEvent({Type: 'container', Action: 'start'}), undefined);
		assert.equal(toContainerEvent({Type: 'container', Actor: {ID}}), undefined);
	});
});
