// What the engine itself holds in a container's log, read through dockerode as `docker logs` reads it,
// so end-to-end tests can compare the logs pane (or a file it saved) with it line by line.
import {docker} from './engine.js';

export type EngineLine = {readonly ts: string; readonly stream: 'stdout' | 'stderr'; readonly text: string};

/** Splits a multiplexed (non-TTY) log body into its lines, in the order the engine sent them. */
export function demuxLines(body: Buffer): EngineLine[] {
	const out: EngineLine[] = [];
	const carry = {stdout: '', stderr: ''};
	let at = 0;
	while (at + 8 <= body.length) {
		const stream = body[at] === 2 ? 'stderr' : 'stdout';
		const size = body.readUInt32BE(at + 4);
		const parts = (carry[stream] + body.subarray(at + 8, at + 8 + size).toString('utf8')).split('\n');
		carry[stream] = parts.pop()!;
		for (const raw of parts) {
			const space = raw.indexOf(' ');
			out.push({ts: raw.slice(0, space), stream, text: raw.slice(space + 1)});
		}

		at += 8 + size;
	}

	return out;
}

/** `docker logs --timestamps [--tail N]` of a container. */
export async function engineLines(id: string, options: {readonly tail?: number} = {}): Promise<EngineLine[]> {
	const body = (await docker.getContainer(id).logs({
		stdout: true,
		stderr: true,
		timestamps: true,
		follow: false,
		...(options.tail === undefined ? {} : {tail: options.tail}),
	})) as unknown as Buffer;
	return demuxLines(body);
}

/** The text of a file the logs pane saved, as {ts, name?, stream, text} per line ('#' lines are its notes). */
export function savedLines(text: string, several: boolean): Array<{ts: string; name?: string; stream: string; text: string}> {
	return text
		.split('\n')
		.filter((row) => row !== '' && !row.startsWith('#'))
		.map((row) => {
			const parts = row.split(' ');
			const ts = parts.shift()!;
			const name = several ? parts.shift() : undefined;
			const stream = parts[0] === '[stderr]' ? (parts.shift(), 'stderr') : 'stdout';
			return {ts, ...(name === undefined ? {} : {name}), stream, text: parts.join(' ')};
		});
}

/** "…:37.1Z" and "…:37.100000000Z" are the same moment: the fraction padded to nanoseconds. */
export const fullTs = (ts: string): string =>
	ts.replace(/(?:\.(\d+))?Z$/, (_match, fraction: string | undefined) => `.${(fraction ?? '').padEnd(9, '0')}Z`);
