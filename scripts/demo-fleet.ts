// The demo fleet behind `npm run demo` and `npm run screenshots`: a small set of containers, images, a
// volume and a network on the local engine, every one labelled dockpit.demo=1 so that `--down` (and
// dockpit's --filter) find exactly them. The image is built locally (demo-image.ts): no registry is needed.
import type Docker from 'dockerode';
import {buildDemoImage} from './demo-image.js';

export const DEMO_LABEL = {key: 'dockpit.demo', value: '1'} as const;
/** What to pass to dockpit's --filter to see the fleet and nothing else. */
export const DEMO_FILTER = `label=${DEMO_LABEL.key}=${DEMO_LABEL.value}`;
export const DEMO_IMAGE = 'dockpit-demo/busybox:latest';
/** Extra tags of the same image, so the images pane reads like a real host's. */
const EXTRA_TAGS = [
	{repo: 'dockpit-demo/shop-web', tag: '1.4.2'},
	{repo: 'dockpit-demo/shop-api', tag: '2.0.0'},
];
/** The compose projects the list groups: shop (with the volume) and blog, each on its own network. */
const PROJECT = 'shop';
const BLOG = 'blog';
const PROJECTS = [PROJECT, BLOG] as const;
const network = (project: string) => `${project}_default`;
const VOLUME = `${PROJECT}_db-data`;

const demoLabels = {[DEMO_LABEL.key]: DEMO_LABEL.value};

type Log = (line: string) => void;

/**
 * A shell loop that ends on SIGTERM at once: a shell as PID 1 ignores the signal unless it traps it,
 * and `sleep … & wait` lets the trap run during the pause.
 */
const loop = (body: string, seconds: number) => `trap 'exit 0' TERM; while :; do ${body}; sleep ${seconds} & wait $!; done`;

const esc = '\\033[';
/** Prints one log line per pass in the colours a real service would use, errors on stderr. */
const chattyLogger = loop(
	[
		'n=$((n+1)); r=$((RANDOM % 10)); t=$(date +%T)',
		`if [ $r -le 1 ]; then printf '${esc}2m%s${esc}0m ${esc}31;1mERROR${esc}0m payment gateway timeout order=%d after 3000ms\\n' "$t" $((1000+n)) >&2`,
		`elif [ $r -le 3 ]; then printf '${esc}2m%s${esc}0m ${esc}33mWARN ${esc}0m slow query orders.by_customer took %dms\\n' "$t" $((200+RANDOM%900))`,
		`else printf '${esc}2m%s${esc}0m ${esc}32mINFO ${esc}0m ${esc}36mGET${esc}0m /api/orders/%d 200 %dms\\n' "$t" $((1000+n)) $((RANDOM%40+2)); fi`,
	].join('; '),
	0.4,
);

type Service = {
	readonly name: string;
	/** The compose project and service it belongs to (labelled as compose labels them), if any. */
	readonly project?: string;
	readonly service?: string;
	readonly cmd: string;
	readonly env?: readonly string[];
	readonly port?: number;
	readonly volume?: string;
	/** Fraction of one CPU the container may use. */
	readonly cpus?: number;
	/** Memory limit in MiB, so MEM / LIMIT shows a limit of its own rather than the host's memory. */
	readonly memoryMiB?: number;
	/** Start it and wait for it to end (a one-off job). */
	readonly job?: boolean;
};

const fleet: readonly Service[] = [
	{
		name: `${PROJECT}-db-1`,
		project: PROJECT,
		service: 'db',
		cmd: loop(`echo "$(date +%T) LOG: checkpoint complete: wrote $((RANDOM % 90)) buffers"`, 5),
		env: ['DB_USER=shop', 'DB_PASSWORD=hunter2-demo', 'DB_NAME=shop'],
		volume: '/var/lib/db',
	},
	{
		name: `${PROJECT}-api-1`,
		project: PROJECT,
		service: 'api',
		cmd: `echo "listening on :8080"; exec httpd -f -v -p 8080 -h /`,
		env: ['DATABASE_URL=db://shop@db:5432/shop', 'LOG_LEVEL=info'],
		port: 8080,
	},
	{
		name: `${PROJECT}-web-1`,
		project: PROJECT,
		service: 'web',
		cmd: `echo "serving / on :80"; exec httpd -f -v -p 80 -h /`,
		env: ['API_URL=http://api:8080'],
		port: 80,
	},
	// A tenth of a CPU spinning, so the grouped list's CPU % column has a figure inside a project too.
	{
		name: `${PROJECT}-worker-1`,
		project: PROJECT,
		service: 'worker',
		cmd: `trap 'exit 0' TERM; echo "processing the order queue"; while :; do :; done`,
		cpus: 0.1,
	},
	{
		name: `${BLOG}-app-1`,
		project: BLOG,
		service: 'app',
		cmd: `echo "blog on :3000"; exec httpd -f -v -p 3000 -h /`,
		port: 3000,
	},
	// Holds about 24 MiB under a 64 MiB limit, so MEM / LIMIT reads like a cache's.
	{
		name: `${BLOG}-cache-1`,
		project: BLOG,
		service: 'cache',
		cmd: `x=$(dd if=/dev/zero bs=1048576 count=24 2>/dev/null | tr '\\0' c); echo "cache warm: \${#x} bytes"; ${loop('true', 30)}`,
		memoryMiB: 64,
	},
	{name: 'dockpit-demo-logger', cmd: chattyLogger},
	// Kept to a quarter of a CPU: enough for the stats to move, little enough to spare a shared machine.
	{name: 'dockpit-demo-busy', cmd: `trap 'exit 0' TERM; echo "spinning"; while :; do :; done`, cpus: 0.25},
	// A one-off job of the shop project (as `docker compose run` makes them): it failed, so the project shows an exited member.
	{
		name: `${PROJECT}-migrate-1`,
		project: PROJECT,
		service: 'migrate',
		cmd: `echo "applying migration 0042_add_order_index"; echo "ERROR: relation \\"orders_idx\\" already exists" >&2; exit 3`,
		job: true,
	},
];

/** The fleet's resources as the engine holds them now; `value` picks another fleet's label (the tests' own). */
export async function demoResources(docker: Docker, value: string = DEMO_LABEL.value) {
	const filters = {label: [`${DEMO_LABEL.key}=${value}`]};
	const [containers, images, volumes, networks] = await Promise.all([
		docker.listContainers({all: true, filters}),
		docker.listImages({filters}),
		docker.listVolumes({filters}),
		docker.listNetworks({filters}),
	]);
	return {containers, images, volumes: volumes.Volumes ?? [], networks};
}

function statusCode(error: unknown): number | undefined {
	return typeof error === 'object' && error !== null && 'statusCode' in error ? Number(error.statusCode) : undefined;
}

/** Runs a removal and treats "already gone" as done: another run (or the user) may have been first. */
async function removing(what: string, remove: () => Promise<unknown>, log: Log): Promise<boolean> {
	try {
		await remove();
		log(`  removed ${what}`);
		return true;
	} catch (error) {
		if (statusCode(error) === 404) return false;
		throw error;
	}
}

/**
 * Removes everything labelled dockpit.demo=1 (containers, images, volumes, networks) and nothing else;
 * resolves with how many it removed. `value` picks another label value (the tests' own fleet).
 */
export async function demoDown(docker: Docker, log: Log = console.log, value: string = DEMO_LABEL.value): Promise<number> {
	const {containers, images, volumes, networks} = await demoResources(docker, value);
	let removed = 0;
	const count = (done: boolean) => {
		if (done) removed++;
	};

	for (const container of containers) {
		const name = container.Names[0]?.replace(/^\//, '') ?? container.Id.slice(0, 12);
		count(await removing(`container ${name}`, async () => docker.getContainer(container.Id).remove({force: true, v: true}), log));
	}

	// Newest first, so a tagged image goes before the older build it replaced.
	for (const image of [...images].sort((a, b) => b.Created - a.Created)) {
		const tags = (image.RepoTags ?? []).filter((tag) => tag !== '<none>:<none>');
		const what = `image ${tags.length > 0 ? tags.join(', ') : `${image.Id.slice(7, 19)} (dangling)`}`;
		count(await removing(what, async () => docker.getImage(image.Id).remove({force: true}), log));
	}

	for (const volume of volumes)
		count(await removing(`volume ${volume.Name}`, async () => docker.getVolume(volume.Name).remove(), log));
	for (const network of networks) {
		count(await removing(`network ${network.Name}`, async () => docker.getNetwork(network.Id).remove(), log));
	}

	return removed;
}

async function createService(docker: Docker, service: Service): Promise<Docker.Container> {
	const labels: Record<string, string> = {...demoLabels};
	const projectNetwork = service.project ? network(service.project) : undefined;
	if (service.project && service.service) {
		Object.assign(labels, {
			'com.docker.compose.project': service.project,
			'com.docker.compose.service': service.service,
			'com.docker.compose.container-number': '1',
			'com.docker.compose.oneoff': service.job ? 'True' : 'False',
		});
	}

	const port = service.port ? `${service.port}/tcp` : undefined;
	return docker.createContainer({
		name: service.name,
		Image: DEMO_IMAGE,
		Cmd: ['sh', '-c', service.cmd],
		Env: [...(service.env ?? [])],
		Labels: labels,
		StopTimeout: 1,
		ExposedPorts: port ? {[port]: {}} : undefined,
		HostConfig: {
			// An ephemeral host port: the engine picks a free one, so nothing on the host collides.
			PortBindings: port ? {[port]: [{HostIp: '127.0.0.1', HostPort: ''}]} : undefined,
			Binds: service.volume ? [`${VOLUME}:${service.volume}`] : undefined,
			NanoCpus: service.cpus ? Math.round(service.cpus * 1e9) : undefined,
			Memory: service.memoryMiB ? service.memoryMiB * 1024 * 1024 : undefined,
			NetworkMode: projectNetwork,
		},
		NetworkingConfig:
			projectNetwork && service.service ? {EndpointsConfig: {[projectNetwork]: {Aliases: [service.service]}}} : undefined,
	});
}

/** Creates the fleet, replacing an earlier one. Resolves once the job has exited and the rest run. */
export async function demoUp(docker: Docker, log: Log = console.log): Promise<void> {
	if ((await demoResources(docker)).containers.length > 0) {
		log('Replacing the demo fleet that is already there:');
		await demoDown(docker, log);
	}

	log(`Building ${DEMO_IMAGE} twice (the first build is left as a dangling image)…`);
	const first = await buildDemoImage(docker, DEMO_IMAGE, demoLabels, 1);
	const image = await buildDemoImage(docker, DEMO_IMAGE, demoLabels, 2);
	log(`  ${first.slice(7, 19)}  <none>:<none> (dangling)`);
	log(`  ${image.slice(7, 19)}  ${[DEMO_IMAGE, ...EXTRA_TAGS.map(({repo, tag}) => `${repo}:${tag}`)].join(', ')}`);
	for (const {repo, tag} of EXTRA_TAGS) await docker.getImage(image).tag({repo, tag});

	for (const project of PROJECTS) {
		const labels = {...demoLabels, 'com.docker.compose.project': project, 'com.docker.compose.network': 'default'};
		await docker.createNetwork({Name: network(project), Labels: labels});
	}

	const volumeLabels = {...demoLabels, 'com.docker.compose.project': PROJECT, 'com.docker.compose.volume': 'db-data'};
	await docker.createVolume({Name: VOLUME, Labels: volumeLabels});
	log(`Created networks ${PROJECTS.map(network).join(', ')} and volume ${VOLUME}`);

	log('Containers:');
	for (const service of fleet) {
		const container = await createService(docker, service);
		await container.start();
		if (service.job) {
			const {StatusCode} = (await container.wait()) as {StatusCode: number};
			log(`  ${service.name.padEnd(22)} a one-off job, exited with code ${StatusCode}`);
			continue;
		}

		const role = [
			service.project ? `compose project ${service.project}, service ${service.service}` : undefined,
			service.cpus ? `busy loop (capped at ${service.cpus} CPU), so the stats move` : undefined,
			service.memoryMiB ? `holds memory under a ${service.memoryMiB} MiB limit` : undefined,
		]
			.filter(Boolean)
			.join(', ');
		const secret = service.env?.some((entry) => entry.startsWith('DB_PASSWORD=')) ? ', has DB_PASSWORD in its env' : '';
		log(`  ${service.name.padEnd(22)} ${role || 'chatty logger with coloured output'}${secret}`);
	}
}
