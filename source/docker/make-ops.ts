// Making things on the engine: create a container from a run spec, commit, tag and untag, create networks
// and volumes, connect and disconnect. Each fails with the daemon's own message (errors.ts).
import type Dockerode from 'dockerode';
import {toEngineError} from './errors.js';
import type {MountSpec, PortBinding, RunSpec} from '../state/make/run-spec.js';

async function call<T>(work: () => Promise<T>): Promise<T> {
	try {
		return await work();
	} catch (error) {
		throw toEngineError(error);
	}
}

const portKey = (port: PortBinding): string => `${port.containerPort}/${port.protocol}`;

function bindText(mount: Extract<MountSpec, {kind: 'bind' | 'volume'}>): string {
	const source = mount.kind === 'bind' ? mount.source : mount.name;
	return `${source}:${mount.target}${mount.mode === undefined ? '' : `:${mount.mode}`}`;
}

/** The Engine API's create body for a spec (bind sources must already be absolute host paths). */
export function createOptions(spec: RunSpec): Dockerode.ContainerCreateOptions {
	const exposed: Record<string, object> = {};
	const bindings: Record<string, Array<{HostIp?: string; HostPort?: string}>> = {};
	for (const port of spec.ports) {
		exposed[portKey(port)] = {};
		if (port.hostPort === undefined && port.hostIp === undefined) {
			// -p 80 publishes on an ephemeral host port, as the CLI does.
			(bindings[portKey(port)] ??= []).push({HostPort: ''});
			continue;
		}

		(bindings[portKey(port)] ??= []).push({
			...(port.hostIp === undefined ? {} : {HostIp: port.hostIp}),
			HostPort: port.hostPort ?? '',
		});
	}

	const volumes: Record<string, object> = {};
	const binds: string[] = [];
	for (const mount of spec.mounts) {
		if (mount.kind === 'anonymous') volumes[mount.target] = {};
		else binds.push(bindText(mount));
	}

	return {
		...(spec.name === undefined ? {} : {name: spec.name}),
		Image: spec.image,
		...(spec.command.length > 0 ? {Cmd: [...spec.command]} : {}),
		Env: [...spec.env],
		Labels: {...spec.labels},
		ExposedPorts: exposed,
		Volumes: volumes,
		Tty: spec.interactive,
		OpenStdin: spec.interactive,
		StdinOnce: false,
		AttachStdin: spec.interactive,
		AttachStdout: spec.interactive,
		AttachStderr: spec.interactive,
		HostConfig: {
			PortBindings: bindings,
			Binds: binds,
			AutoRemove: spec.autoRemove,
			RestartPolicy: {Name: spec.restart === 'no' ? '' : spec.restart},
			...(spec.network === undefined ? {} : {NetworkMode: spec.network}),
		},
	};
}

/** Creates the container (not started); returns its id. */
export async function createFromSpec(docker: Dockerode, spec: RunSpec): Promise<string> {
	return call(async () => (await docker.createContainer(createOptions(spec))).id);
}

/** Every tagged local image, "repo:tag", whatever dockpit's scope: what a new container may run. */
export async function localImageReferences(docker: Dockerode): Promise<string[]> {
	return call(async () => {
		const images = await docker.listImages();
		return images
			.flatMap((image) => image.RepoTags ?? [])
			.filter((tag) => tag !== '<none>:<none>')
			.sort();
	});
}

export async function startContainer(docker: Dockerode, id: string): Promise<void> {
	await call(async () => docker.getContainer(id).start());
}

/** Whether a container of that name exists anywhere on the engine (outside dockpit's scope too). */
export async function containerNameTaken(docker: Dockerode, name: string): Promise<boolean> {
	return call(async () => {
		const rows = await docker.listContainers({all: true, filters: {name: [name]}});
		return rows.some((row) => row.Names.some((candidate) => candidate.replace(/^\//, '') === name));
	});
}

/** docker commit; returns the new image's id. */
export async function commitContainer(
	docker: Dockerode,
	id: string,
	options: {readonly repository: string; readonly tag: string; readonly message: string},
): Promise<string> {
	return call(async () => {
		const result = (await docker
			.getContainer(id)
			.commit({repo: options.repository, tag: options.tag, comment: options.message})) as {
			Id?: string;
		};
		return result.Id ?? '';
	});
}

export async function tagImage(docker: Dockerode, source: string, repository: string, tag: string): Promise<void> {
	await call(async () => docker.getImage(source).tag({repo: repository, tag}));
}

/** Removes one tag; the engine keeps the image while another tag points to it. */
export async function untagImage(docker: Dockerode, reference: string): Promise<void> {
	await call(async () => docker.getImage(reference).remove({noprune: true}));
}

export async function createNetwork(
	docker: Dockerode,
	options: {readonly name: string; readonly driver: string; readonly labels: Readonly<Record<string, string>>},
): Promise<string> {
	return call(async () => {
		const network = await docker.createNetwork({
			Name: options.name,
			Driver: options.driver,
			Labels: {...options.labels},
			CheckDuplicate: true,
		});
		return network.id;
	});
}

/** Returns the volume's name (the engine's, for an unnamed one). */
export async function createVolume(
	docker: Dockerode,
	options: {readonly name: string; readonly driver: string; readonly labels: Readonly<Record<string, string>>},
): Promise<string> {
	return call(async () => {
		const volume = (await docker.createVolume({
			...(options.name === '' ? {} : {Name: options.name}),
			Driver: options.driver,
			Labels: {...options.labels},
		})) as unknown as {name?: string; Name?: string};
		return volume.name ?? volume.Name ?? options.name;
	});
}

export async function connectNetwork(docker: Dockerode, networkId: string, container: string, connect: boolean): Promise<void> {
	await call(async () => {
		const network = docker.getNetwork(networkId);
		if (connect) await network.connect({Container: container});
		else await network.disconnect({Container: container});
	});
}
