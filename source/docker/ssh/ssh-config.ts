// The few ~/.ssh/config settings an ssh:// engine needs (ssh2 reads none of them): HostName, User,
// Port and IdentityFile, first match wins as in ssh(1).
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {matchesHostGlob} from './host-glob.js';

export type SshHostConfig = {
	readonly hostName?: string;
	readonly user?: string;
	readonly port?: number;
	readonly identityFile?: string;
	readonly strictHostKeyChecking?: string;
	readonly userKnownHostsFile?: string;
};

/** ssh_config(5) patterns: `*` and `?` wildcards, `!` negation, several per Host line. */
function hostMatches(patterns: readonly string[], host: string): boolean {
	let matched = false;
	for (const pattern of patterns) {
		const negated = pattern.startsWith('!');
		const glob = negated ? pattern.slice(1) : pattern;
		if (matchesHostGlob(glob, host)) {
			if (negated) return false;
			matched = true;
		}
	}

	return matched;
}

export function parseSshConfig(text: string, host: string, home: string): SshHostConfig {
	const found: {
		hostName?: string;
		user?: string;
		port?: number;
		identityFile?: string;
		strictHostKeyChecking?: string;
		userKnownHostsFile?: string;
	} = {};
	let applies = true;
	for (const raw of text.split('\n')) {
		const line = raw.trim();
		if (!line || line.startsWith('#')) continue;
		const match = /^(\S+?)\s*(?:=\s*|\s+)(.+)$/.exec(line);
		if (!match) continue;
		const keyword = match[1]!.toLowerCase();
		const value = match[2]!.trim().replace(/^"(.*)"$/, '$1');
		if (keyword === 'host') {
			applies = hostMatches(value.split(/\s+/), host);
			continue;
		}

		// Match blocks need ssh's own evaluation; leave them out rather than guess.
		if (keyword === 'match') {
			applies = false;
			continue;
		}

		if (!applies) continue;
		if (keyword === 'hostname') found.hostName ??= value.replaceAll('%h', host);
		else if (keyword === 'user') found.user ??= value;
		else if (keyword === 'port' && Number.isInteger(Number(value))) found.port ??= Number(value);
		else if (keyword === 'stricthostkeychecking') found.strictHostKeyChecking ??= value;
		else if (keyword === 'userknownhostsfile') {
			const first = value.split(/\s+/)[0] ?? value;
			found.userKnownHostsFile ??= first.startsWith('~/') ? path.join(home, first.slice(2)) : first;
		} else if (keyword === 'identityfile') {
			found.identityFile ??= value.startsWith('~/') ? path.join(home, value.slice(2)) : value;
		}
	}

	return found;
}

export function sshHostConfig(host: string, home: string): SshHostConfig {
	try {
		return parseSshConfig(readFileSync(path.join(home, '.ssh', 'config'), 'utf8'), host, home);
	} catch {
		return {};
	}
}
