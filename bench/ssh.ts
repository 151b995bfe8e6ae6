// S1–S3: dockpit over ssh:// against a loopback OpenSSH server (a throwaway key, root@127.0.0.1):
// start to the first frame listing 20 containers, compared with the local socket and with one bare
// `ssh … docker version`; how many SSH connections it holds once settled (requests ride channels of
// long-lived connections, not a handshake each); and an external `docker run` to its row over ssh.
import {spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {setTimeout as delay} from 'node:timers/promises';
import {createFleet, docker} from './fleet.js';
import {startDockpit, type Session} from '../test/helpers/pty.js';
import {sshdStatus, startSshd, type Sshd} from '../test/helpers/sshd.js';
import {median, ms, percentile} from './stats.js';

const {label, labelValue, createRunning} = createFleet();
const count = 20;

async function cleanup(): Promise<void> {
	const rows = await docker.listContainers({all: true, filters: {label: [label]}});
	for (const row of rows) await docker.getContainer(row.Id).remove({force: true});
}

/** Established TCP connections from dockpit's process to the sshd port, from /proc/<pid>/net/tcp. */
function connectionsTo(port: number): number {
	const hex = port.toString(16).toUpperCase().padStart(4, '0');
	const lines = readFileSync('/proc/net/tcp', 'utf8').split('\n').slice(1);
	// Column 2 is the remote address (so sshd's own side, whose local address is the port, is not counted); 01 is ESTABLISHED.
	return lines.filter((line) => {
		const fields = line.trim().split(/\s+/);
		return fields[2]?.endsWith(`:${hex}`) && fields[3] === '01';
	}).length;
}

async function firstFrame(args: readonly string[], env: Record<string, string | undefined>): Promise<number> {
	const started = performance.now();
	const session = await startDockpit({args: [...args, '--filter', `label=${label}`], env, cols: 140, rows: 40});
	try {
		await session.waitForScreen((screen) => screen.includes(`(${count})`) && screen.includes('bench-ssh-00'), {
			what: 'the list',
			timeout: 60_000,
		});
		return performance.now() - started;
	} finally {
		await session.close();
	}
}

export async function benchSsh(): Promise<void> {
	const status = sshdStatus();
	if (!status.ok) {
		console.log(`ssh benchmark skipped: ${status.reason}`);
		return;
	}

	const sshd: Sshd = await startSshd();
	const host = `ssh://root@127.0.0.1:${sshd.port}`;
	const sshArgs = ['--host', host, '--identity', sshd.keyFile];
	// A HOME whose known_hosts lists the throwaway server, as `ssh` would have recorded it.
	const home = mkdtempSync(path.join(os.tmpdir(), 'dockpit-bench-home-'));
	mkdirSync(path.join(home, '.ssh'));
	writeFileSync(path.join(home, '.ssh', 'known_hosts'), sshd.knownHosts);
	const env = {HOME: home, SSH_AUTH_SOCK: undefined, DOCKER_HOST: undefined, DOCKER_CONTEXT: undefined};
	console.log(`ssh: sshd on 127.0.0.1:${sshd.port}; creating ${count} running containers (label ${label})…`);
	for (let index = 0; index < count; index++) await createRunning(`bench-ssh-${String(index).padStart(2, '0')}-${labelValue}`);
	try {
		const bareSsh: number[] = [];
		for (let run = 0; run < 5; run++) {
			const started = performance.now();
			const result = spawnSync(
				'ssh',
				[
					...[
						'-i',
						sshd.keyFile,
						'-p',
						String(sshd.port),
						'-o',
						'StrictHostKeyChecking=no',
						'-o',
						'UserKnownHostsFile=/dev/null',
					],
					...['-o', 'LogLevel=ERROR', 'root@127.0.0.1', 'docker', 'version', '--format', '{{.Server.Version}}'],
				],
				{stdio: 'ignore'},
			);
			if (result.status !== 0) throw new Error(`ssh docker version exited ${result.status}`);
			bareSsh.push(performance.now() - started);
		}

		const local: number[] = [];
		const overSsh: number[] = [];
		for (let run = 0; run < 7; run++) {
			local.push(await firstFrame([], env));
			overSsh.push(await firstFrame(sshArgs, env));
		}

		// S2 and S3 in one session: connections held once settled, then external runs to their rows.
		const session: Session = await startDockpit({args: [...sshArgs, '--filter', `label=${label}`], env, cols: 140, rows: 40});
		const latencies: number[] = [];
		let held = 0;
		try {
			await session.waitForText(`(${count})`, {timeout: 60_000});
			await delay(3000);
			held = connectionsTo(sshd.port);
			for (let run = 0; run < 10; run++) {
				const name = `aaa-ssh-${String(run).padStart(2, '0')}-${labelValue}`;
				const started = performance.now();
				await createRunning(name);
				await session.waitForScreen((screen) => screen.includes(name), {what: name, timeout: 30_000});
				latencies.push(performance.now() - started);
			}
		} finally {
			await session.close();
		}

		console.log('');
		console.log(`Over ssh:// (loopback OpenSSH, ${count} running containers, 2-core machine):`);
		console.log(
			`  S1 start to first frame over ssh        median ${ms(median(overSsh))}  (min ${ms(Math.min(...overSsh))}, max ${ms(Math.max(...overSsh))}, 7 runs)`,
		);
		console.log(`     same, local socket                  median ${ms(median(local))}  (7 runs)`);
		console.log(
			`     reference: ssh … docker version     median ${ms(median(bareSsh))}  (one handshake + one docker CLI, 5 runs)`,
		);
		console.log(`  S2 SSH connections held once settled   ${held}  (every request is a channel on them)`);
		console.log(
			`  S3 external docker run to row over ssh median ${ms(median(latencies))}, p95 ${ms(percentile(latencies, 95))} (10 runs; includes the create+start calls)`,
		);
	} finally {
		await cleanup();
		await sshd.stop();
		rmSync(home, {recursive: true, force: true});
	}
}
