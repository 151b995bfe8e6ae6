// The SSH host key check ssh(1) makes: the engine's host must present a key listed for it in
// ~/.ssh/known_hosts (or /etc/ssh/ssh_known_hosts), plain or hashed. A different key is always refused;
// an unlisted host is refused unless StrictHostKeyChecking is "no" or "accept-new" for it.
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {matchesHostGlob} from './host-glob.js';
import {loadCrypto} from '../node-builtins.js';

export type HostKeyCheck = {
	/** ssh2's hostVerifier: true to go on with this key. */
	readonly verify: (key: Buffer) => boolean;
	/** Why the last key was refused, in words, once verify said no. */
	readonly problem: () => string | undefined;
};

/** How known_hosts names a host: "host" on port 22, "[host]:port" elsewhere. */
export const knownHostName = (host: string, port: number): string => (port === 22 ? host : `[${host}]:${port}`);

function patternMatches(pattern: string, name: string): boolean {
	if (pattern.startsWith('|1|')) {
		const [salt, hash] = pattern.slice(3).split('|');
		if (!salt || !hash) return false;
		return loadCrypto().createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest('base64') === hash;
	}

	return matchesHostGlob(pattern, name);
}

/** The keys listed for a host (raw key blobs), from known_hosts text; revoked keys come back separately. */
export function keysFor(text: string, name: string): {keys: Buffer[]; revoked: Buffer[]} {
	const keys: Buffer[] = [];
	const revoked: Buffer[] = [];
	for (const raw of text.split('\n')) {
		const line = raw.trim();
		if (!line || line.startsWith('#')) continue;
		const fields = line.split(/\s+/);
		const marker = fields[0]?.startsWith('@') ? fields.shift() : undefined;
		const [hosts, , key] = fields;
		if (!hosts || !key || marker === '@cert-authority') continue;
		const patterns = hosts.split(',');
		if (patterns.some((pattern) => pattern.startsWith('!') && patternMatches(pattern.slice(1), name))) continue;
		if (!patterns.some((pattern) => !pattern.startsWith('!') && patternMatches(pattern, name))) continue;
		(marker === '@revoked' ? revoked : keys).push(Buffer.from(key, 'base64'));
	}

	return {keys, revoked};
}

export type HostKeyOptions = {
	readonly host: string;
	readonly port: number;
	readonly home: string;
	/** StrictHostKeyChecking from ~/.ssh/config: "no" and "accept-new" let an unlisted host in. */
	readonly strict?: string;
	/** UserKnownHostsFile from ~/.ssh/config. */
	readonly knownHostsFile?: string;
	readonly read?: (file: string) => string;
};

export function hostKeyCheck(options: HostKeyOptions): HostKeyCheck {
	const read = options.read ?? ((file: string) => readFileSync(file, 'utf8'));
	const name = knownHostName(options.host, options.port);
	const files = [options.knownHostsFile ?? path.join(options.home, '.ssh', 'known_hosts'), '/etc/ssh/ssh_known_hosts'];
	let problem: string | undefined;
	return {
		verify(key) {
			const listed: Buffer[] = [];
			const revoked: Buffer[] = [];
			for (const file of files) {
				let text: string;
				try {
					text = read(file);
				} catch {
					continue;
				}

				const found = keysFor(text, name);
				listed.push(...found.keys);
				revoked.push(...found.revoked);
			}

			const strict = (options.strict ?? 'ask').toLowerCase();
			if (revoked.some((entry) => entry.equals(key))) problem = `the host key of ${name} is marked @revoked in known_hosts`;
			else if (listed.some((entry) => entry.equals(key))) problem = undefined;
			else if (listed.length > 0) {
				problem = `the host key of ${name} does not match the one in ${files[0]} (it may have been reinstalled, or someone is in between); check it, then update known_hosts (ssh-keygen -R "${name}")`;
			} else if (strict === 'no' || strict === 'off' || strict === 'accept-new') problem = undefined;
			else {
				problem = `${name} is not in ${files[0]}: connect once with ssh (ssh ${options.port === 22 ? '' : `-p ${options.port} `}${options.host}) to check and record its host key`;
			}

			return problem === undefined;
		},
		problem: () => problem,
	};
}
