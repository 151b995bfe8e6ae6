// Images FROM scratch with the host's static busybox (the demo's, and the tests' own), built by the
// engine's legacy builder (the Engine API's /build), because no registry is needed, or reachable.
import {copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import type Docker from 'dockerode';

/** DOCKPIT_DEMO_BUSYBOX names another static busybox binary than the host's /bin/busybox. */
const BUSYBOX = process.env['DOCKPIT_DEMO_BUSYBOX'] ?? '/bin/busybox';

/**
 * An image FROM scratch holds no C library, so the busybox copied into it must be statically linked:
 * its ELF program headers name no interpreter (PT_INTERP, type 3).
 */
export function staticBusybox(): string | undefined {
	let binary: Buffer;
	try {
		binary = readFileSync(BUSYBOX);
	} catch {
		return `${BUSYBOX} does not exist`;
	}

	if (binary.readUInt32BE(0) !== 0x7f454c46 || binary[4] !== 2) return `${BUSYBOX} is not a 64-bit ELF binary`;
	const headers = Number(binary.readBigUInt64LE(0x20));
	const size = binary.readUInt16LE(0x36);
	for (let index = 0; index < binary.readUInt16LE(0x38); index++) {
		if (binary.readUInt32LE(headers + index * size) === 3) return `${BUSYBOX} is dynamically linked`;
	}

	return undefined;
}

/** The image the tests run their containers from: busybox and its applets, nothing else. */
export async function buildTestImage(docker: Docker, tag: string): Promise<string> {
	return buildBusyboxImage(docker, tag, {files: {}, labels: {}, nocache: false});
}

/**
 * Builds `tag` FROM scratch with busybox and its applets, labelled; returns the image id. A build number
 * goes into the image, so building again with the same tag leaves the previous image dangling.
 */
export async function buildDemoImage(
	docker: Docker,
	tag: string,
	labels: Readonly<Record<string, string>>,
	buildNumber: number,
): Promise<string> {
	const stamp = `dockpit demo build ${buildNumber} ${new Date().toISOString()}\n`;
	// No cache: the demo's layers are its own, so removing them never touches another image's.
	return buildBusyboxImage(docker, tag, {files: {'/etc/dockpit-demo-build': stamp}, labels, nocache: true});
}

type BuildOptions = {
	/** Files to add, by their path in the image. */
	readonly files: Readonly<Record<string, string>>;
	readonly labels: Readonly<Record<string, string>>;
	readonly nocache: boolean;
};

async function buildBusyboxImage(docker: Docker, tag: string, {files, labels, nocache}: BuildOptions): Promise<string> {
	const notStatic = staticBusybox();
	if (notStatic) {
		throw new Error(
			`images are built FROM scratch with a static busybox, but ${notStatic}. Install one (Debian/Ubuntu: apt-get install busybox-static) or point DOCKPIT_DEMO_BUSYBOX at one.`,
		);
	}

	const context = mkdtempSync(path.join(tmpdir(), 'dockpit-demo-'));
	try {
		copyFileSync(BUSYBOX, path.join(context, 'busybox'));
		const added = Object.entries(files).map(([target, text], index) => {
			writeFileSync(path.join(context, `file-${index}`), text);
			return {source: `file-${index}`, target};
		});
		writeFileSync(
			path.join(context, 'Dockerfile'),
			[
				'FROM scratch',
				'COPY busybox /bin/busybox',
				'RUN ["/bin/busybox", "--install", "-s", "/bin"]',
				...added.map(({source, target}) => `COPY ${source} ${target}`),
				'ENV PATH=/bin',
				'CMD ["sh"]',
			].join('\n'),
		);
		const stream = await docker.buildImage(
			{context, src: ['Dockerfile', 'busybox', ...added.map(({source}) => source)]},
			// The engine reads `labels` as a JSON string in the query.
			{t: tag, labels: JSON.stringify(labels), nocache, rm: true, forcerm: true} as unknown as Docker.ImageBuildOptions,
		);
		const events = await new Promise<Array<{error?: string; aux?: {ID?: string}}>>((resolve, reject) => {
			docker.modem.followProgress(stream, (error: Error | null, output: unknown[]) =>
				error ? reject(error) : resolve(output as []),
			);
		});
		// A failed build does not reject: it arrives as an {error} progress event.
		const failed = events.find((event) => event.error);
		if (failed) throw new Error(`building ${tag} failed: ${failed.error}`);
		return (await docker.getImage(tag).inspect()).Id;
	} finally {
		rmSync(context, {recursive: true, force: true});
	}
}
