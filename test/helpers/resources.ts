// Images, volumes and networks for the tests, each carrying the run label, and their cleanup. Images are
// built locally FROM scratch with the host's static busybox (no registry is reachable), by the legacy builder.
import {readFileSync} from 'node:fs';
import {after} from 'node:test';
import Docker from 'dockerode';
import {RUN_LABEL, docker, uniqueName} from './engine.js';
import {httpStatus} from './engine-status.js';

const runLabels = {[RUN_LABEL.key]: RUN_LABEL.value};
const runFilter = {label: [`${RUN_LABEL.key}=${RUN_LABEL.value}`]};
const busybox = readFileSync('/bin/busybox');

/** A minimal tar archive of the given files (ustar headers, no compression), the build context. */
function tar(files: Readonly<Record<string, Buffer | string>>): Buffer {
	const blocks: Buffer[] = [];
	for (const [name, content] of Object.entries(files)) {
		const body = Buffer.isBuffer(content) ? content : Buffer.from(content);
		const header = Buffer.alloc(512);
		header.write(name, 0, 100);
		header.write('0000755\0', 100);
		header.write('0000000\0', 108);
		header.write('0000000\0', 116);
		header.write(`${body.length.toString(8).padStart(11, '0')}\0`, 124);
		header.write(
			`${Math.floor(Date.now() / 1000)
				.toString(8)
				.padStart(11, '0')}\0`,
			136,
		);
		header.write('        ', 148);
		header.write('0', 156);
		header.write('ustar\0' + '00', 257);
		let sum = 0;
		for (const byte of header) sum += byte;
		header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
		blocks.push(header, body, Buffer.alloc((512 - (body.length % 512)) % 512));
	}

	blocks.push(Buffer.alloc(1024));
	return Buffer.concat(blocks);
}

/**
 * Builds `FROM scratch` + busybox + a unique file, labelled with the run label, tagged `tag` if given.
 * Returns the image id. Building twice with one tag leaves the first image dangling.
 */
export async function buildImage(tag?: string, payloadBytes = 0): Promise<string> {
	const marker = uniqueName('marker');
	const dockerfile = [
		'FROM scratch',
		'COPY busybox /bin/busybox',
		`COPY payload /${marker}`,
		'CMD ["/bin/busybox", "sleep", "3600"]',
	].join('\n');
	const context = tar({Dockerfile: dockerfile, busybox, payload: Buffer.alloc(payloadBytes, marker)});
	const stream = await docker.buildImage(
		context as unknown as NodeJS.ReadableStream,
		{
			t: tag,
			labels: JSON.stringify(runLabels),
			rm: true,
			forcerm: true,
		} as unknown as Docker.ImageBuildOptions,
	);
	const events = await new Promise<Array<{error?: string; aux?: {ID?: string}; stream?: string}>>((resolve, reject) => {
		docker.modem.followProgress(stream, (error: Error | null, output: unknown[]) =>
			error ? reject(error) : resolve(output as []),
		);
	});
	const failed = events.find((event) => event.error);
	if (failed) throw new Error(`build failed: ${failed.error}`);
	const id = events.find((event) => event.aux?.ID)?.aux?.ID;
	const built = /Successfully built ([\da-f]+)/.exec(events.map((event) => event.stream ?? '').join(''))?.[1];
	const ref = id ?? built;
	if (!ref) throw new Error('build reported no image id');
	return (await docker.getImage(ref).inspect()).Id;
}

/** A container from one of the built images, labelled; its own command, since scratch has no shell PATH. */
export async function createFromImage(image: string, options: {name?: string; start?: boolean} = {}) {
	const name = options.name ?? uniqueName('dockpit-img');
	const container = await docker.createContainer({
		name,
		Image: image,
		Cmd: ['/bin/busybox', 'sleep', '3600'],
		Labels: runLabels,
		StopTimeout: 1,
	});
	if (options.start) await container.start();
	return {id: container.id, name, container};
}

export async function createVolume(name?: string): Promise<string> {
	// dockerode resolves with a Volume handle, whose `name` is the engine's (generated for an anonymous one).
	const volume = await docker.createVolume({Name: name, Labels: runLabels});
	return volume.name;
}

export async function createNetwork(name: string): Promise<string> {
	const network = await docker.createNetwork({Name: name, Labels: runLabels});
	return network.id;
}

const ignoreGone = (error: unknown) => {
	const code = httpStatus(error);
	if (code !== 404 && code !== 409) throw error;
};

/** The run's images, volumes and networks as the engine holds them now. */
export async function runResources() {
	const [images, volumes, networks] = await Promise.all([
		docker.listImages({filters: runFilter}),
		docker.listVolumes({filters: runFilter}),
		docker.listNetworks({filters: runFilter}),
	]);
	return {
		images: images.map((image) => image.Id),
		volumes: (volumes.Volumes ?? []).map((volume) => volume.Name),
		networks: networks.map((network) => network.Name),
	};
}

/** Removes every image, volume and network carrying this run's label (containers go first, by cleanupRun). */
export async function cleanupResources(): Promise<void> {
	const mine = await docker.listContainers({all: true, filters: runFilter});
	await Promise.all(mine.map(async ({Id}) => docker.getContainer(Id).remove({force: true, v: true}).catch(ignoreGone)));
	const {images, volumes, networks} = await runResources();
	for (const id of images) await docker.getImage(id).remove({force: true}).catch(ignoreGone);
	await Promise.all(volumes.map(async (name) => docker.getVolume(name).remove().catch(ignoreGone)));
	await Promise.all(networks.map(async (name) => docker.getNetwork(name).remove().catch(ignoreGone)));
}

/** Registers cleanupResources as an `after` hook of the current suite. */
export function cleansResources(): void {
	after(cleanupResources);
}
